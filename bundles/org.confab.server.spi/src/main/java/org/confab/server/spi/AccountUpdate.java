package org.confab.server.spi;

import java.time.Instant;
import java.util.Optional;

/**
 * Changes to an account for {@link AccountStore#update}: every present value replaces the stored
 * one, absent values stay as they are. {@code liftBan} removes a ban; it cannot be combined with a
 * new {@code bannedUntil}. Values are already validated (display name rules, derived credentials).
 */
public record AccountUpdate(Optional<String> displayName, Optional<StoredCredentials> credentials,
        Optional<Boolean> admin, Optional<Boolean> locked, Optional<Instant> bannedUntil, boolean liftBan) {

    public AccountUpdate {
        if (liftBan && bannedUntil.isPresent()) {
            throw new IllegalArgumentException("cannot both set and lift a ban");
        }
    }

    /** No change at all; start here and use the {@code with} methods. */
    public static AccountUpdate none() {
        return new AccountUpdate(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), false);
    }

    public AccountUpdate withDisplayName(String name) {
        return new AccountUpdate(Optional.of(name), credentials, admin, locked, bannedUntil, liftBan);
    }

    public AccountUpdate withCredentials(StoredCredentials value) {
        return new AccountUpdate(displayName, Optional.of(value), admin, locked, bannedUntil, liftBan);
    }

    public AccountUpdate withAdmin(boolean value) {
        return new AccountUpdate(displayName, credentials, Optional.of(value), locked, bannedUntil, liftBan);
    }

    public AccountUpdate withLocked(boolean value) {
        return new AccountUpdate(displayName, credentials, admin, Optional.of(value), bannedUntil, liftBan);
    }

    public AccountUpdate withBannedUntil(Instant until) {
        return new AccountUpdate(displayName, credentials, admin, locked, Optional.of(until), false);
    }

    public AccountUpdate withBanLifted() {
        return new AccountUpdate(displayName, credentials, admin, locked, Optional.empty(), true);
    }

    /** Whether nothing would change. */
    public boolean isEmpty() {
        return displayName.isEmpty() && credentials.isEmpty() && admin.isEmpty() && locked.isEmpty()
                && bannedUntil.isEmpty() && !liftBan;
    }
}
