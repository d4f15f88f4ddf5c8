package org.confab.client.ui.internal.model;

import java.util.List;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.confab.client.core.OutgoingMessage;
import org.confab.protocol.messages.MessageKinds;
import org.confab.protocol.messages.Messages.Attachment;
import org.confab.protocol.messages.Messages.ChatMessage;

/**
 * What a message says: its kind ({@code text} unless a plugin's), text, metadata and attachments.
 *
 * @param meta never null; empty when the message carried none
 */
public record Content(String kind, String text, ObjectNode meta, List<Attachment> attachments) {

    public Content {
        kind = kind == null || kind.isBlank() ? MessageKinds.TEXT : kind;
        text = text == null ? "" : text;
        meta = meta == null ? JsonNodeFactory.instance.objectNode() : meta;
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public static Content text(String text) {
        return new Content(MessageKinds.TEXT, text, null, List.of());
    }

    public boolean isText() {
        return MessageKinds.TEXT.equals(kind);
    }

    public static Content of(ChatMessage message) {
        return new Content(message.kind(), message.text(), message.meta(), message.attachments());
    }

    public static Content of(OutgoingMessage message) {
        return new Content(message.kind(), message.text(), message.meta(), message.attachments());
    }
}
