package org.confab.server.spi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.confab.server.api.AttachmentState;
import org.confab.server.api.StorageException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Persistence of attachment metadata and of the grants that share attachments with recipients.
 * Usernames are canonical. Every method is its own committed transaction and may throw
 * {@link StorageException}.
 */
@ProviderType
public interface AttachmentStore {

    /** Stores a new attachment row (the caller chose its id). */
    void create(StoredAttachment attachment);

    Optional<StoredAttachment> find(String id);

    /** An unfinished upload of {@code owner} with this content, the oldest if there are several. */
    Optional<StoredAttachment> unfinished(String owner, String sha256, long size);

    /** Whether a complete attachment with this content exists (anyone's). */
    boolean hasComplete(String sha256, long size);

    /** Marks the upload complete (its bytes are all stored and checked). */
    void complete(String id);

    /** Records a read, for retention and the administrators' listing. */
    void touch(String id, Instant at);

    /** The sum of the sizes of {@code owner}'s attachments, complete or not (what counts against the quota). */
    long bytesOwnedBy(String owner);

    /** Every attachment of {@code owner}. */
    List<StoredAttachment> ownedBy(String owner);

    /** Attachments newest first, of one owner when present, at most {@code limit} from {@code offset}. */
    List<StoredAttachment> page(Optional<String> owner, int offset, int limit);

    /** How many attachments {@link #page} pages through. */
    long count(Optional<String> owner);

    /** Deletes the row and its grants; returns whether there was one. */
    boolean delete(String id);

    /**
     * Attachments to expire: created before {@code createdBefore}, or shared with at least one
     * recipient and with every recipient in a final state since before {@code settledBefore}.
     */
    List<StoredAttachment> expired(Instant settledBefore, Instant createdBefore, int limit);

    /** Shares an attachment with {@code recipient} (state {@code OFFERED}); returns false if it already was. */
    boolean grant(String id, String recipient, Instant at);

    /** Notes the message that shared the attachment where no message is noted yet. */
    void linkMessage(String id, String recipient, long messageId);

    Optional<StoredGrant> findGrant(String id, String recipient);

    /**
     * Sets the recipient's state, unless it is final already.
     *
     * @return the grant as it is now, empty when there is none
     */
    Optional<StoredGrant> setState(String id, String recipient, AttachmentState state, Instant at);

    /** Grants to {@code recipient}, oldest first. */
    List<StoredGrant> grantsTo(String recipient);

    /** Grants of one attachment, oldest first. */
    List<StoredGrant> grantsOf(String id);

    /** Grants of every attachment {@code owner} uploaded, newest first. */
    List<StoredGrant> grantsFrom(String owner);
}
