package org.confab.client.ui.admin.internal.model;

import java.util.Optional;

import org.confab.client.core.AccountRules;

/**
 * Checks of the account dialogs before anything is sent, so obvious mistakes are pointed at while
 * typing: the account rules of {@link AccountRules} plus the typed-twice confirmation. The server
 * checks again and its objections are shown in the dialog too.
 */
public final class AccountForm {
    private AccountForm() {
    }

    /** What is wrong with a username typed for a new account, if anything. */
    public static Optional<String> usernameProblem(String typed) {
        return AccountRules.usernameProblem(typed);
    }

    public static Optional<String> displayNameProblem(String typed) {
        return AccountRules.displayNameProblem(typed);
    }

    /** What is wrong with a new password and its confirmation, if anything. */
    public static Optional<String> passwordProblem(String username, String password, String confirmation) {
        return AccountRules.passwordProblem(username, password)
                .or(() -> password.equals(confirmation) ? Optional.empty() : Optional.of("The two passwords differ."));
    }
}
