package org.confab.server.spi;

/** A message to store. {@code clientMessageId} is unique per sender and makes a resend idempotent. */
public record NewMessage(String sender, String recipient, String clientMessageId, String text) {
}
