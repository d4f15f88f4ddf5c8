package org.confab.client.core;

import java.util.Objects;

import org.confab.protocol.messages.Messages.Attachment;

/**
 * A file the server holds completely after {@link AttachmentClient#upload}.
 *
 * @param id the server's id for it, to reference in a message ({@link #reference()})
 * @param name the file name sent along (display only; the recipient sanitises it)
 * @param size bytes
 * @param sha256 lowercase hex SHA-256 of the content, which the server checked
 * @param mediaType the media type given to the upload, or null
 * @param resumedFrom the offset this upload started at: 0 for a fresh one, more when an earlier attempt
 *        had stored a part, {@code size} when the server already had the content (nothing was sent)
 */
public record UploadedAttachment(String id, String name, long size, String sha256, String mediaType,
        long resumedFrom) {

    public UploadedAttachment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sha256, "sha256");
    }

    /** The reference a chat message carries in its {@code attachments}. */
    public Attachment reference() {
        return new Attachment(id, name, size, mediaType);
    }
}
