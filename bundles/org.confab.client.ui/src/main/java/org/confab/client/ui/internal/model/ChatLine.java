package org.confab.client.ui.internal.model;

/**
 * One message of a conversation.
 *
 * @param messageId the server's id, 0 while not stored yet
 * @param clientMessageId the sender's id, may be null for messages from the peer
 * @param from the sender's user name
 * @param timestamp server time when stored, or local time of sending while not stored
 * @param own whether the logged-in user wrote it
 * @param problem why sending failed, empty otherwise
 */
public record ChatLine(long messageId, String clientMessageId, String from, String text, long timestamp,
        boolean own, DeliveryState state, String problem) {

    ChatLine withState(DeliveryState next) {
        return new ChatLine(messageId, clientMessageId, from, text, timestamp, own, next, problem);
    }

    public boolean stored() {
        return messageId > 0;
    }
}
