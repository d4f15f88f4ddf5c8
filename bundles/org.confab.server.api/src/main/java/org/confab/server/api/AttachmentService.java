package org.confab.server.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

import org.confab.protocol.ProtocolException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The server's attachment store, for plugins: files that clients upload with {@code attach.*} (and
 * that server-side producers {@link #store}) live here once, with the limits, quotas, retention and
 * checksums of the core. Access follows the core's rule: the owner may read an attachment, and so may
 * every user a stored message from the owner shared it with ({@link AttachmentGrant}); the same
 * answer (empty, {@code NOT_FOUND}) is given for an unknown id and an unreadable one, so ids cannot
 * be probed. Usernames are canonical. Methods may throw {@link StorageException}.
 */
@ProviderType
public interface AttachmentService {

    /** The attachment, if it exists and {@code asUser} may read it (complete or not). */
    Optional<AttachmentInfo> info(String id, String asUser);

    /** Whether {@code user} may read the attachment (its owner, or a user it was shared with). */
    boolean canRead(String id, String user);

    /**
     * Moves {@code user}'s state for a shared attachment, for example to {@link AttachmentState#DOWNLOADED}.
     * A final state ({@code DOWNLOADED}, {@code DECLINED}) is kept: moving away from it changes nothing.
     *
     * @return the grant as it is now; empty when the attachment was not shared with {@code user}
     */
    Optional<AttachmentGrant> setState(String id, String user, AttachmentState state);

    /** What was shared with {@code user}, oldest first. */
    List<AttachmentGrant> grantsTo(String user);

    /** With whom the attachment was shared, oldest first. */
    List<AttachmentGrant> grantsOf(String id);

    /** Every share of attachments {@code owner} uploaded, newest first. */
    List<AttachmentGrant> grantsFrom(String owner);

    /**
     * Opens a complete attachment for reading; the stream reads the file from disk as it goes (memory
     * stays small whatever the size). Counts as an access for retention.
     *
     * @throws ProtocolException {@code NOT_FOUND} when it does not exist, is not complete or is not
     *         readable by {@code asUser}
     */
    InputStream open(String id, String asUser) throws IOException, ProtocolException;

    /**
     * Stores bytes produced on the server (a screenshot plugin, a bot) as a complete attachment owned by
     * {@code owner}, streaming them to disk and computing the SHA-256 on the way; identical content is
     * kept once. The per-file limit, the owner's quota and the disk floor apply as to uploads.
     *
     * @param mediaType may be empty
     * @throws ProtocolException {@code FILE_TOO_LARGE}, {@code QUOTA_EXCEEDED}, {@code STORAGE_FULL},
     *         {@code NO_SUCH_USER} or {@code BAD_REQUEST} (a name that is blank, too long or has control
     *         characters); nothing is kept then
     */
    AttachmentInfo store(String owner, String name, String mediaType, InputStream bytes)
            throws IOException, ProtocolException;

    /**
     * Deletes an attachment, its shares and (when no other attachment has the same content) its bytes,
     * whoever owns it: callers check their own rules first.
     *
     * @return whether there was such an attachment
     */
    boolean delete(String id);
}
