package org.confab.client.ui.internal.views;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.confab.client.ui.MessageView;
import org.confab.protocol.messages.Messages.Attachment;
import org.confab.client.ui.internal.model.ChatLine;

/** The read-only view of a message that renderers get; metadata is copied so they cannot change ours. */
record RowMessage(ChatLine line, String senderDisplayName) implements MessageView {
    @Override
    public long messageId() {
        return line.messageId();
    }

    @Override
    public String kind() {
        return line.kind();
    }

    @Override
    public String text() {
        return line.text();
    }

    @Override
    public ObjectNode meta() {
        return line.content().meta().deepCopy();
    }

    @Override
    public List<Attachment> attachments() {
        return line.content().attachments();
    }

    @Override
    public String sender() {
        return line.from();
    }

    @Override
    public Instant time() {
        return Instant.ofEpochMilli(line.timestamp());
    }

    @Override
    public boolean own() {
        return line.own();
    }
}
