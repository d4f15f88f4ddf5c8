package org.confab.server.router.internal;

import java.util.List;

import org.confab.protocol.Protocol;
import org.confab.protocol.messages.MessageKinds;
import org.confab.protocol.messages.Messages.Attachment;
import org.confab.protocol.messages.Messages.ChatMessage;
import org.confab.protocol.messages.Messages.ChatSend;
import org.confab.server.api.AttachmentRef;
import org.confab.server.api.ClientSession;
import org.confab.server.api.MessageContent;
import org.confab.server.api.StoredMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Messages between their stored form and the wire, in the protocol version of the session that gets
 * them: a version-2 session sees kind, metadata and attachments; a version-1 session sees a plain
 * text message whose text ends with a fallback line ({@link MessageKinds#readableText}).
 */
final class WireMessages {
    private static final Logger LOG = LoggerFactory.getLogger(WireMessages.class);
    private static final int RICH_VERSION = 2;

    private WireMessages() {
    }

    /** What a {@code chat.send} asks to store. */
    static MessageContent content(ChatSend send) {
        return new MessageContent(send.kind(), send.text(),
                send.meta() == null ? MessageContent.NO_METADATA : send.meta().toString(),
                send.attachments().stream().map(a -> new AttachmentRef(a.id(), a.name(), a.size(), a.mediaType())).toList());
    }

    /**
     * Checks content that did not come from the wire (a plugin's) against the protocol's limits.
     *
     * @throws IllegalArgumentException naming the field that breaks them
     */
    static void validate(String recipient, String clientMessageId, MessageContent content) {
        new ChatSend(recipient, clientMessageId, content.text(), content.kind(), meta(content.metadataJson(), true),
                attachments(content));
    }

    static ChatMessage forSession(ClientSession session, StoredMessage message) {
        return forVersion(session.protocolVersion(), message);
    }

    static ChatMessage forVersion(int version, StoredMessage message) {
        MessageContent content = message.content();
        if (content.isPlainText()) {
            return new ChatMessage(message.id(), message.sender(), message.recipient(), content.text(),
                    message.sentAt().toEpochMilli(), message.clientMessageId(), message.delivered());
        }
        List<Attachment> attachments = attachments(content);
        if (version < RICH_VERSION) {
            return new ChatMessage(message.id(), message.sender(), message.recipient(),
                    readableText(content, attachments), message.sentAt().toEpochMilli(), message.clientMessageId(),
                    message.delivered());
        }
        return new ChatMessage(message.id(), message.sender(), message.recipient(), content.text(),
                message.sentAt().toEpochMilli(), message.clientMessageId(), message.delivered(), content.kind(),
                meta(content.metadataJson(), false), attachments);
    }

    /** The text and fallback line, the text shortened if need be so that both fit a message's length limit. */
    private static String readableText(MessageContent content, List<Attachment> attachments) {
        String line = MessageKinds.fallbackLine(content.kind(), attachments).orElse("");
        String text = content.text();
        int room = Protocol.MAX_TEXT_LENGTH - line.length() - 2;
        if (text.length() > room) {
            int cut = Math.max(0, room);
            if (cut > 0 && Character.isHighSurrogate(text.charAt(cut - 1))) {
                cut--;
            }
            text = text.substring(0, cut) + "\u2026";
        }
        return MessageKinds.readableText(content.kind(), text, attachments);
    }

    private static List<Attachment> attachments(MessageContent content) {
        return content.attachments().stream()
                .map(a -> new Attachment(a.id(), a.name(), a.size(), a.mediaType().isEmpty() ? null : a.mediaType())).toList();
    }

    /**
     * Stored metadata as a JSON object, or null when there is none.
     *
     * @param strict whether text that is not a JSON object is an error (a plugin's content) or is
     *        logged and dropped (a stored message: its text and kind still go out)
     */
    private static ObjectNode meta(String json, boolean strict) {
        if (MessageContent.NO_METADATA.equals(json)) {
            return null;
        }
        try {
            JsonNode node = Replies.CODEC.mapper().readTree(json);
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (JsonProcessingException e) {
            // reported below
        }
        if (strict) {
            throw new IllegalArgumentException("field 'meta' must be a JSON object");
        }
        LOG.warn("ignoring stored message metadata that is not a JSON object");
        return null;
    }
}
