package org.confab.server.api;

import java.time.Instant;
import java.util.Objects;

/**
 * An attachment's metadata. {@code storedBytes} is how much of an unfinished upload the server holds
 * (equal to {@code size} once {@code complete}); only complete attachments can be read. The name is
 * what the uploader called the file, for display only: it never names anything on the server's disk.
 *
 * @param id server-chosen, opaque ({@code [A-Za-z0-9_-]{16,64}})
 * @param owner canonical username of the uploader
 * @param sha256 the SHA-256 of the whole content, 64 lowercase hex digits
 * @param mediaType the media type the uploader gave, empty when none
 */
public record AttachmentInfo(String id, String owner, String name, long size, String sha256, String mediaType,
        Instant created, long storedBytes, boolean complete) {
    public AttachmentInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sha256, "sha256");
        mediaType = mediaType == null ? "" : mediaType;
        Objects.requireNonNull(created, "created");
    }
}
