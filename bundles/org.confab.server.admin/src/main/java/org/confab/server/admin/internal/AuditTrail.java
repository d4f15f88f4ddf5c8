package org.confab.server.admin.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.confab.server.api.Account;
import org.confab.server.api.AdminActor;
import org.confab.server.api.StorageException;
import org.confab.server.spi.AuditLog;
import org.confab.server.spi.NewAuditEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes audit entries and words their details. An entry is written after the change it records
 * succeeded; if the database refuses the entry, the change stands and the entry goes to the server
 * log instead, so no action goes unrecorded.
 */
final class AuditTrail {
    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);
    private static final int QUOTE_LIMIT = 500;

    private final AuditLog log;
    private final Clock clock;

    AuditTrail(AuditLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    void record(AdminActor actor, String action, String target, String details) {
        NewAuditEntry entry = new NewAuditEntry(clock.instant(), actor.name(), action, Optional.ofNullable(target),
                actor.address(), details);
        LOG.info("audit: {} from {}: {} {}: {}", actor.name(), actor.address(), action, target == null ? "-" : target,
                details);
        try {
            log.append(entry);
        } catch (StorageException e) {
            LOG.error("could not store the audit entry {}", entry, e);
        }
    }

    /** What an update changed, in words; never the password itself. */
    static String changes(Account before, Account after, boolean passwordReset, boolean banLifted, int sessionsClosed) {
        List<String> parts = new ArrayList<>();
        if (!before.displayName().equals(after.displayName())) {
            parts.add("displayName " + quote(before.displayName()) + " -> " + quote(after.displayName()));
        }
        if (passwordReset) {
            parts.add("password reset");
        }
        if (before.admin() != after.admin()) {
            parts.add(after.admin() ? "made administrator" : "administrator role removed");
        }
        if (before.locked() != after.locked()) {
            parts.add(after.locked() ? "locked, closed " + Words.count(sessionsClosed, "session") : "unlocked");
        }
        if (banLifted) {
            parts.add(before.bannedUntil().isPresent() ? "ban lifted" : "ban lifted (there was none)");
        }
        return parts.isEmpty() ? "no change" : String.join("; ", parts);
    }

    static String quote(String text) {
        String shown = text.length() > QUOTE_LIMIT ? text.substring(0, QUOTE_LIMIT) + "…" : text;
        return "'" + shown + "'";
    }

    static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
