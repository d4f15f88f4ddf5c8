package org.confab.server.spi;

import java.time.Instant;
import java.util.Optional;

/**
 * An administrative action to record: who ({@code actor}: a username or {@code console}), what
 * ({@code action}, for example {@code user.update}), on whom, when, from which address, and the
 * particulars in words ({@code details}; implementations may shorten very long details).
 */
public record NewAuditEntry(Instant at, String actor, String action, Optional<String> target, String address,
        String details) {
}
