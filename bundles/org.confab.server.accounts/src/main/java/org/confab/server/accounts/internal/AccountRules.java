package org.confab.server.accounts.internal;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.confab.protocol.ErrorCode;
import org.confab.protocol.ProtocolException;
import org.confab.server.api.AdminActor;

/** The username and password policy. Pure functions, so the rules are unit-tested without a server. */
final class AccountRules {
    static final int MIN_USERNAME = 3;
    static final int MAX_USERNAME = 32;
    static final int MIN_PASSWORD = 8;
    static final int MAX_PASSWORD = 1024;
    static final int MAX_DISPLAY_NAME = 64;

    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]*");
    /** Names the audit log uses for actors that are not accounts. */
    private static final Set<String> RESERVED = Set.of(AdminActor.CONSOLE);

    private AccountRules() {
    }

    /** Trimmed and lower-cased: "Alice" and "alice" are the same account. */
    static String canonical(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    static String validUsername(String typed) throws ProtocolException {
        String username = canonical(typed);
        if (username.length() < MIN_USERNAME || username.length() > MAX_USERNAME) {
            throw new ProtocolException(ErrorCode.INVALID_USERNAME,
                    "username must be " + MIN_USERNAME + " to " + MAX_USERNAME + " characters long");
        }
        if (RESERVED.contains(username)) {
            throw new ProtocolException(ErrorCode.INVALID_USERNAME, "username '" + username + "' is reserved");
        }
        if (!USERNAME.matcher(username).matches()) {
            throw new ProtocolException(ErrorCode.INVALID_USERNAME,
                    "username must start with a letter and contain only letters, digits, '.', '_' and '-'");
        }
        return username;
    }

    static void checkPassword(String username, String password) throws ProtocolException {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new ProtocolException(ErrorCode.WEAK_PASSWORD,
                    "password must be at least " + MIN_PASSWORD + " characters long");
        }
        if (password.length() > MAX_PASSWORD) {
            throw new ProtocolException(ErrorCode.WEAK_PASSWORD, "password must be at most " + MAX_PASSWORD + " characters long");
        }
        if (password.toLowerCase(Locale.ROOT).contains(username)) {
            throw new ProtocolException(ErrorCode.WEAK_PASSWORD, "password must not contain the username");
        }
        if (password.chars().distinct().count() < 4) {
            throw new ProtocolException(ErrorCode.WEAK_PASSWORD, "password must use at least 4 different characters");
        }
    }

    static String displayName(String requested, String username) throws ProtocolException {
        String name = requested == null ? "" : requested.strip();
        if (name.isEmpty()) {
            return username;
        }
        if (name.length() > MAX_DISPLAY_NAME || name.chars().anyMatch(Character::isISOControl)) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST,
                    "field 'displayName' must be at most " + MAX_DISPLAY_NAME + " characters without control characters");
        }
        return name;
    }
}
