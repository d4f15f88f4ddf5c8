package org.confab.client.ui.admin.internal.model;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks of the account dialogs before anything is sent, so obvious mistakes are pointed at while
 * typing. They mirror the server's rules but do not replace them: the server checks again and its
 * objections are shown in the dialog too.
 */
public final class AccountForm {
    public static final int MIN_USERNAME = 3;
    public static final int MAX_USERNAME = 32;
    public static final int MIN_PASSWORD = 8;
    public static final int MAX_PASSWORD = 1024;
    public static final int MAX_DISPLAY_NAME = 64;
    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]*");

    private AccountForm() {
    }

    /** What is wrong with a username typed for a new account, if anything. */
    public static Optional<String> usernameProblem(String typed) {
        String username = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        if (username.isEmpty()) {
            return Optional.of("Enter a username.");
        }
        if (username.length() < MIN_USERNAME || username.length() > MAX_USERNAME) {
            return Optional.of("The username must be " + MIN_USERNAME + " to " + MAX_USERNAME + " characters long.");
        }
        if (!USERNAME.matcher(username).matches()) {
            return Optional.of("The username must start with a letter and contain only letters, digits, '.', '_' and '-'.");
        }
        return Optional.empty();
    }

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

    /** What is wrong with a new password and its confirmation, if anything. */
    public static Optional<String> passwordProblem(String username, String password, String confirmation) {
        if (password == null || password.isEmpty()) {
            return Optional.of("Enter a password.");
        }
        if (password.length() < MIN_PASSWORD) {
            return Optional.of("The password must be at least " + MIN_PASSWORD + " characters long.");
        }
        if (password.length() > MAX_PASSWORD) {
            return Optional.of("The password must be at most " + MAX_PASSWORD + " characters long.");
        }
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (!name.isEmpty() && password.toLowerCase(Locale.ROOT).contains(name)) {
            return Optional.of("The password must not contain the username.");
        }
        if (!password.equals(confirmation)) {
            return Optional.of("The two passwords differ.");
        }
        return Optional.empty();
    }
}
