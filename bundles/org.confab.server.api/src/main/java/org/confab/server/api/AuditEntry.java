package org.confab.server.api;

import java.time.Instant;
import java.util.Optional;

/** A recorded administrative action (see {@link NewAuditEntry} for the fields) with its id. */
public record AuditEntry(long id, Instant at, String actor, String action, Optional<String> target, String address,
        String details) {
}
