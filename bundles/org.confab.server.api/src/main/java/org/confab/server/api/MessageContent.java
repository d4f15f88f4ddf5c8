package org.confab.server.api;

import java.util.List;
import java.util.Objects;

/**
 * What a message says: its kind ({@code "text"} or a namespaced kind such as {@code "x.dice"}), its
 * text (may be empty for other kinds), its metadata as a JSON object's text ({@code "{}"} when none)
 * and its attachment references. The limits are the protocol's: text at most 8000 characters,
 * metadata at most 4096 bytes, at most 16 attachments.
 */
public record MessageContent(String kind, String text, String metadataJson, List<AttachmentRef> attachments) {
    /** The kind of a plain text message. */
    public static final String TEXT = "text";
    /** The metadata of a message that has none. */
    public static final String NO_METADATA = "{}";

    public MessageContent {
        kind = kind == null ? TEXT : kind;
        Objects.requireNonNull(text, "text");
        metadataJson = metadataJson == null || metadataJson.isBlank() ? NO_METADATA : metadataJson;
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A plain text message. */
    public static MessageContent text(String text) {
        return new MessageContent(TEXT, text, NO_METADATA, List.of());
    }

    /** Whether this is a plain text message without metadata or attachments (what protocol version 1 can carry). */
    public boolean isPlainText() {
        return TEXT.equals(kind) && NO_METADATA.equals(metadataJson) && attachments.isEmpty();
    }
}
