package org.confab.client.core;

import java.util.List;
import java.util.Objects;

import org.confab.protocol.messages.MessageKinds;
import org.confab.protocol.messages.Messages.Attachment;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A message to send with {@link ConfabClient#send(String, OutgoingMessage)}: a kind ({@code "text"}
 * or a plugin's namespaced kind such as {@code "x.dice"}), its text (may be empty for other kinds),
 * optional metadata (a JSON object of at most 4096 bytes) and attachment references. The client
 * message id makes resends idempotent; the factories choose a fresh one. Limits are checked when the
 * message is sent.
 */
public record OutgoingMessage(String clientMessageId, String kind, String text, ObjectNode meta,
        List<Attachment> attachments) {

    public OutgoingMessage {
        Objects.requireNonNull(clientMessageId, "clientMessageId");
        kind = kind == null ? MessageKinds.TEXT : kind;
        text = text == null ? "" : text;
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A plain text message with a fresh client message id. */
    public static OutgoingMessage text(String text) {
        return new OutgoingMessage(ClientMessageIds.next(), MessageKinds.TEXT, text, null, List.of());
    }

    /** A message of another kind with a fresh client message id. */
    public static OutgoingMessage of(String kind, String text, ObjectNode meta, List<Attachment> attachments) {
        return new OutgoingMessage(ClientMessageIds.next(), kind, text, meta, attachments);
    }
}
