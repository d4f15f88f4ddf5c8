package org.confab.server.spi;

import org.confab.server.api.StoredMessage;

import org.confab.server.api.StorageException;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Durable storage of 1:1 messages. {@link #store} returns only once the message is committed, so
 * its result may be acknowledged to the sender. Every method may throw {@link StorageException}.
 */
@ProviderType
public interface MessageStore {

    /** Stores a message, or returns the one stored earlier with the same sender and client id. */
    StoreResult store(NewMessage message);

    /**
     * {@link #store} without blocking the caller: completes once the message is committed (or fails
     * with {@link StorageException}). Completions for one caller's messages happen in submission
     * order, so a connection can pipeline sends and still acknowledge them in order.
     */
    java.util.concurrent.CompletableFuture<StoreResult> storeAsync(NewMessage message);

    /** Messages to {@code recipient} with an id above {@code afterId} not yet acknowledged by any of its clients, oldest first. */
    List<StoredMessage> undelivered(String recipient, long afterId, int limit);

    /**
     * Marks messages to {@code recipient} delivered. Ids that are not addressed to the recipient or
     * already delivered are ignored, so a client cannot mark somebody else's messages.
     *
     * @return the messages whose state changed by this call (without their text, which callers do not need)
     */
    List<StoredMessage> markDelivered(String recipient, List<Long> messageIds);

    /** {@link #markDelivered} without blocking the caller; completes after the commit. */
    java.util.concurrent.CompletableFuture<List<StoredMessage>> markDeliveredAsync(String recipient, List<Long> messageIds);

    /** The conversation of two users, newest first, older than {@code beforeId} when present. */
    List<StoredMessage> conversation(String user, String peer, Optional<Long> beforeId, int limit);

    /**
     * Messages sent or received by {@code user} (with {@code peer} only, when present) whose text
     * contains {@code query}, ignoring case; newest first.
     */
    List<StoredMessage> search(String user, Optional<String> peer, String query, Optional<Long> beforeId,
            int limit);

    /** How many messages were stored at or after {@code since}. */
    long countSince(Instant since);

    /**
     * Deletes the messages to {@code recipient} that no client has acknowledged (used when the
     * recipient's account is deleted: nobody can ever receive them).
     *
     * @return how many were deleted
     */
    int discardUndelivered(String recipient);
}
