package org.confab.server.api;

import java.time.Instant;
import java.util.Optional;

/**
 * A user account as the rest of the server sees it. {@code username} is the canonical (lower-case)
 * login name and never changes; {@code displayName} is what other users see. A locked account
 * cannot log in until an administrator unlocks it; a banned one not before {@code bannedUntil}.
 */
public record Account(long id, String username, String displayName, boolean admin, boolean locked,
        Instant createdAt, Optional<Instant> bannedUntil) {

    /** Whether a ban is in force at {@code now}. */
    public boolean bannedAt(Instant now) {
        return bannedUntil.filter(now::isBefore).isPresent();
    }

    /** Whether the account may use administrator rights at {@code now}: admin, not locked, not banned. */
    public boolean activeAdminAt(Instant now) {
        return admin && !locked && !bannedAt(now);
    }
}
