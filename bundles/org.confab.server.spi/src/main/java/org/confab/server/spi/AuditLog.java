package org.confab.server.spi;

import org.confab.server.api.StorageException;

import org.confab.server.api.AuditEntry;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The durable record of administrative actions. Entries are only ever appended; their ids grow in
 * the order they were written. Every method may throw {@link StorageException}.
 */
@ProviderType
public interface AuditLog {

    /** Stores an entry and returns it with its id. */
    AuditEntry append(NewAuditEntry entry);

    /** The newest entries first, older than {@code beforeId} when present, at most {@code limit}. */
    List<AuditEntry> newest(Optional<Long> beforeId, int limit);
}
