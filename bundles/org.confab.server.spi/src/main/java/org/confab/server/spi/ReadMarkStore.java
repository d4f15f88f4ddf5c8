package org.confab.server.spi;

import java.util.OptionalLong;

import org.confab.server.api.StorageException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * How far each user has read each peer's messages (read receipts): one mark per (reader, sender), the
 * id of the newest message of {@code sender} that {@code reader} has read. Marks only move forward.
 * Usernames are canonical. Every method is its own committed transaction and may throw
 * {@link StorageException}.
 */
@ProviderType
public interface ReadMarkStore {

    /**
     * Moves the mark of {@code reader} on {@code sender}'s messages to {@code upTo} unless it is there
     * or further already.
     *
     * @return the mark after this call: {@code upTo}, or the further mark that was stored
     */
    long advance(String reader, String sender, long upTo);

    /** The mark of {@code reader} on {@code sender}'s messages; empty when they have read none. */
    OptionalLong find(String reader, String sender);
}
