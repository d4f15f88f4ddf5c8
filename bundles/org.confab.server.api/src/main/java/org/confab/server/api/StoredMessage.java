package org.confab.server.api;

import java.time.Instant;

/** A 1:1 message as stored: server id and time, both canonical usernames, and its delivery state. */
public record StoredMessage(long id, String sender, String recipient, String text, Instant sentAt,
        String clientMessageId, boolean delivered) {
}
