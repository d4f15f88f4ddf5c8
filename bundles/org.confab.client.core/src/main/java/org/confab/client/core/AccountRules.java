package org.confab.client.core;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The server's account rules (protocol section 7) for forms: each check says in one sentence what is
 * wrong, so a mistake is pointed at while typing and costs no request (a refused registration still
 * uses up one of the address's few registrations per hour). They mirror the server's rules and do not
 * replace them: the server checks again, and its word is final.
 */
public final class AccountRules {
    public static final int MIN_USERNAME = 3;
    public static final int MAX_USERNAME = 32;
    public static final int MIN_PASSWORD = 8;
    public static final int MAX_PASSWORD = 1024;
    /** How many different characters a password must use at least. */
    public static final int MIN_DISTINCT = 4;
    public static final int MAX_DISPLAY_NAME = 64;
    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]*");
    private static final String RESERVED = "console";

    private AccountRules() {
    }

    /** What is wrong with a username typed for a new account, if anything. */
    public static Optional<String> usernameProblem(String typed) {
        String username = canonical(typed);
        if (username.isEmpty()) {
            return Optional.of("Enter a username.");
        }
        if (username.length() < MIN_USERNAME || username.length() > MAX_USERNAME) {
            return Optional.of("The username must be " + MIN_USERNAME + " to " + MAX_USERNAME + " characters long.");
        }
        if (!USERNAME.matcher(username).matches()) {
            return Optional.of("The username must start with a letter and contain only letters, digits, '.', '_' and '-'.");
        }
        if (username.equals(RESERVED)) {
            return Optional.of("The name '" + RESERVED + "' is reserved.");
        }
        return Optional.empty();
    }

    /** What is wrong with a new password for {@code username}, if anything. */
    public static Optional<String> passwordProblem(String username, String password) {
        if (password == null || password.isEmpty()) {
            return Optional.of("Enter a password.");
        }
        if (password.length() < MIN_PASSWORD) {
            return Optional.of("The password must be at least " + MIN_PASSWORD + " characters long.");
        }
        if (password.length() > MAX_PASSWORD) {
            return Optional.of("The password must be at most " + MAX_PASSWORD + " characters long.");
        }
        if (password.codePoints().distinct().count() < MIN_DISTINCT) {
            return Optional.of("The password must use at least " + MIN_DISTINCT + " different characters.");
        }
        String name = canonical(username);
        if (!name.isEmpty() && password.toLowerCase(Locale.ROOT).contains(name)) {
            return Optional.of("The password must not contain the username.");
        }
        return Optional.empty();
    }

    /** What is wrong with a display name, if anything; blank is fine (the username is shown). */
    public static Optional<String> displayNameProblem(String typed) {
        String name = typed == null ? "" : typed.strip();
        if (name.length() > MAX_DISPLAY_NAME) {
            return Optional.of("The display name must be at most " + MAX_DISPLAY_NAME + " characters long.");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            return Optional.of("The display name must not contain control characters.");
        }
        return Optional.empty();
    }

    private static String canonical(String typed) {
        return typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
    }
}
