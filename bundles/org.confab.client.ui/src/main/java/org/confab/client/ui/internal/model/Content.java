package org.confab.client.ui.internal.model;

import java.lang.reflect.Method;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.confab.protocol.messages.Messages.ChatMessage;

/**
 * What a message says: its kind ({@code text} unless a plugin's), text and metadata.
 *
 * @param meta never null; empty when the message carried none
 */
public record Content(String kind, String text, ObjectNode meta) {
    public static final String TEXT = "text";

    public Content {
        kind = kind == null || kind.isBlank() ? TEXT : kind;
        text = text == null ? "" : text;
        meta = meta == null ? JsonNodeFactory.instance.objectNode() : meta;
    }

    public static Content text(String text) {
        return new Content(TEXT, text, null);
    }

    public boolean isText() {
        return TEXT.equals(kind);
    }

    /**
     * The content of a pushed or loaded message. Read defensively: a protocol bundle older than
     * version 2 has no kind or metadata on its messages, and such messages are text.
     */
    public static Content of(ChatMessage message) {
        return new Content(component(message, "kind") instanceof String kind ? kind : TEXT, message.text(),
                component(message, "meta") instanceof ObjectNode meta ? meta : null);
    }

    private static Object component(ChatMessage message, String name) {
        try {
            Method accessor = ChatMessage.class.getMethod(name);
            return accessor.invoke(message);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }
}
