package org.confab.server.api;

import java.time.Instant;

/**
 * A user account as the rest of the server sees it. {@code username} is the canonical (lower-case)
 * login name and never changes; {@code displayName} is what other users see.
 */
public record Account(long id, String username, String displayName, boolean admin, boolean locked,
        Instant createdAt) {
}
