package org.confab.server.spi;

import org.confab.server.api.MessageContent;

/** A message to store. {@code clientMessageId} is unique per sender and makes a resend idempotent. */
public record NewMessage(String sender, String recipient, String clientMessageId, MessageContent content) {

    /** A plain text message. */
    public NewMessage(String sender, String recipient, String clientMessageId, String text) {
        this(sender, recipient, clientMessageId, MessageContent.text(text));
    }

    public String text() {
        return content.text();
    }
}
