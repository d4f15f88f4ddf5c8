package org.confab.server.api;

import java.time.Instant;

/**
 * A 1:1 message as stored: server id and time, both canonical usernames, what it says and its
 * delivery state.
 */
public record StoredMessage(long id, String sender, String recipient, MessageContent content, Instant sentAt,
        String clientMessageId, boolean delivered) {

    /** A plain text message. */
    public StoredMessage(long id, String sender, String recipient, String text, Instant sentAt, String clientMessageId,
            boolean delivered) {
        this(id, sender, recipient, MessageContent.text(text), sentAt, clientMessageId, delivered);
    }

    /** The message's text (without any fallback for its kind). */
    public String text() {
        return content.text();
    }
}
