package org.confab.server.persistence.internal;

import java.util.ArrayList;
import java.util.List;

import org.confab.server.api.AttachmentRef;
import org.confab.server.api.MessageContent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * A message's content beyond its text as stored in the columns {@code KIND}, {@code META} and
 * {@code ATTACHMENTS}: each is NULL for what a plain text message has (kind text, no metadata, no
 * attachments), so plain messages are stored exactly as before protocol version 2, and rows written
 * before it (where the columns were added empty) read as plain text. Attachments are a JSON array.
 */
record ContentColumns(String kind, String meta, String attachments) {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final ContentColumns PLAIN = new ContentColumns(null, null, null);

    static ContentColumns of(MessageContent content) {
        if (content.isPlainText()) {
            return PLAIN;
        }
        return new ContentColumns(MessageContent.TEXT.equals(content.kind()) ? null : content.kind(),
                MessageContent.NO_METADATA.equals(content.metadataJson()) ? null : content.metadataJson(),
                content.attachments().isEmpty() ? null : encode(content.attachments()));
    }

    boolean isPlain() {
        return kind == null && meta == null && attachments == null;
    }

    MessageContent content(String text) {
        if (isPlain()) {
            return MessageContent.text(text);
        }
        return new MessageContent(kind, text, meta, attachments == null ? List.of() : decode(attachments));
    }

    private static String encode(List<AttachmentRef> attachments) {
        ArrayNode array = JSON.createArrayNode();
        for (AttachmentRef a : attachments) {
            array.addObject().put("id", a.id()).put("name", a.name()).put("size", a.size()).put("mediaType", a.mediaType());
        }
        return array.toString();
    }

    private static List<AttachmentRef> decode(String json) {
        try {
            List<AttachmentRef> attachments = new ArrayList<>();
            for (JsonNode a : JSON.readTree(json)) {
                attachments.add(new AttachmentRef(a.path("id").asText(), a.path("name").asText(), a.path("size").asLong(),
                        a.path("mediaType").asText()));
            }
            return attachments;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored attachments are not valid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
