package org.confab.client.ui.internal.model;

import java.util.Optional;

import org.confab.client.core.AccountRules;
import org.confab.client.core.ConfabException;

/**
 * What went wrong with a registration, and next to which field of the form to show it.
 *
 * @param field the field at fault, or {@link Field#FORM} for the form as a whole
 */
public record RegistrationProblem(Field field, String message) {

    /** The fields of the registration form. */
    public enum Field {
        USERNAME, PASSWORD, CONFIRMATION, FORM
    }

    /**
     * The account rules the dialog states, checked before anything is sent: each refused registration
     * would use up one of the address's few registrations per hour.
     */
    public static Optional<RegistrationProblem> check(String username, String password, String confirmation) {
        return check(username, "", password, confirmation);
    }

    /** As {@link #check(String, String, String)}, with the display name too. */
    public static Optional<RegistrationProblem> check(String username, String displayName, String password,
            String confirmation) {
        Optional<RegistrationProblem> name = AccountRules.usernameProblem(username)
                .map(problem -> new RegistrationProblem(Field.USERNAME, problem));
        if (name.isPresent()) {
            return name;
        }
        Optional<RegistrationProblem> shown = AccountRules.displayNameProblem(displayName)
                .map(problem -> new RegistrationProblem(Field.FORM, problem));
        if (shown.isPresent()) {
            return shown;
        }
        Optional<RegistrationProblem> secret = AccountRules.passwordProblem(username, password)
                .map(problem -> new RegistrationProblem(Field.PASSWORD, problem));
        if (secret.isPresent()) {
            return secret;
        }
        if (!password.equals(confirmation)) {
            return Optional.of(new RegistrationProblem(Field.CONFIRMATION, "The passwords do not match."));
        }
        return Optional.empty();
    }

    /** The server's refusal, attached to the field it concerns. */
    public static RegistrationProblem of(Throwable failure, String server) {
        Throwable cause = Problems.unwrap(failure);
        if (cause instanceof ConfabException refusal) {
            String serverSays = refusal.getMessage() == null || refusal.getMessage().isBlank() ? ""
                    : capitalised(refusal.getMessage()) + ".";
            return switch (refusal.code()) {
                case INVALID_USERNAME -> new RegistrationProblem(Field.USERNAME, serverSays.isEmpty()
                        ? "Use 3 to 32 characters: a-z, 0-9, '.', '_' or '-', starting with a letter." : serverSays);
                case USERNAME_TAKEN -> new RegistrationProblem(Field.USERNAME, "This username is taken.");
                case WEAK_PASSWORD -> new RegistrationProblem(Field.PASSWORD, serverSays.isEmpty()
                        ? "Use at least 8 characters, and not the username." : serverSays);
                case REGISTRATION_CLOSED -> new RegistrationProblem(Field.FORM,
                        "This server does not allow self-registration. Ask an administrator for an account.");
                default -> new RegistrationProblem(Field.FORM, Problems.describe(cause));
            };
        }
        return new RegistrationProblem(Field.FORM, Problems.login(cause, server));
    }

    private static String capitalised(String text) {
        String trimmed = text.strip();
        return trimmed.isEmpty() ? trimmed : Character.toUpperCase(trimmed.charAt(0)) + trimmed.substring(1);
    }
}
