package org.confab.server.api;

import java.time.Instant;
import java.util.Optional;

/**
 * A recorded administrative action with its id: who ({@code actor}: a username or {@code console}), what
 * ({@code action}, for example {@code user.update}), on whom, when, from which address, and the particulars.
 */
public record AuditEntry(long id, Instant at, String actor, String action, Optional<String> target, String address,
        String details) {
}
