package org.confab.server.api;

import java.util.Optional;

/**
 * What an administrator changes on an account: present values are set, absent ones stay. The new
 * password is given in clear and checked against the password rules before it is turned into a
 * verifier; {@code liftBan} ends a ban early.
 */
public record AccountChanges(Optional<String> displayName, Optional<String> password, Optional<Boolean> admin,
        Optional<Boolean> locked, boolean liftBan) {

    /** No change; start here and use the {@code with} methods. */
    public static AccountChanges none() {
        return new AccountChanges(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false);
    }

    public AccountChanges withDisplayName(String value) {
        return new AccountChanges(Optional.of(value), password, admin, locked, liftBan);
    }

    public AccountChanges withPassword(String value) {
        return new AccountChanges(displayName, Optional.of(value), admin, locked, liftBan);
    }

    public AccountChanges withAdmin(boolean value) {
        return new AccountChanges(displayName, password, Optional.of(value), locked, liftBan);
    }

    public AccountChanges withLocked(boolean value) {
        return new AccountChanges(displayName, password, admin, Optional.of(value), liftBan);
    }

    public AccountChanges withBanLifted() {
        return new AccountChanges(displayName, password, admin, locked, true);
    }

    public boolean isEmpty() {
        return displayName.isEmpty() && password.isEmpty() && admin.isEmpty() && locked.isEmpty() && !liftBan;
    }
}
