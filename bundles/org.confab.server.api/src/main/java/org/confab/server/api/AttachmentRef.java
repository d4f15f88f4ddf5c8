package org.confab.server.api;

import java.util.Objects;

/**
 * A message's reference to bytes in the server's attachment store: the id there, a file name to show,
 * the size in bytes and the media type (empty string when unknown). Bounds are the protocol's
 * ({@code Messages.Attachment}); the router checks them before a message is stored.
 */
public record AttachmentRef(String id, String name, long size, String mediaType) {
    public AttachmentRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        mediaType = mediaType == null ? "" : mediaType;
    }
}
