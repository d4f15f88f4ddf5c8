package org.confab.client.ui.internal.model;

/**
 * One message of a conversation.
 *
 * @param messageId the server's id, 0 while not stored yet
 * @param clientMessageId the sender's id, may be null for messages from the peer
 * @param from the sender's user name
 * @param content kind, text and metadata
 * @param timestamp server time when stored, or local time of sending while not stored
 * @param own whether the logged-in user wrote it
 * @param problem why sending failed, empty otherwise
 */
public record ChatLine(long messageId, String clientMessageId, String from, Content content, long timestamp,
        boolean own, DeliveryState state, String problem) {

    /** A text message. */
    public ChatLine(long messageId, String clientMessageId, String from, String text, long timestamp, boolean own,
            DeliveryState state, String problem) {
        this(messageId, clientMessageId, from, Content.text(text), timestamp, own, state, problem);
    }

    ChatLine withState(DeliveryState next) {
        return new ChatLine(messageId, clientMessageId, from, content, timestamp, own, next, problem);
    }

    public String text() {
        return content.text();
    }

    public String kind() {
        return content.kind();
    }

    public boolean stored() {
        return messageId > 0;
    }

    /**
     * Names the row of this message across its life: an own message keeps its key from sending to
     * stored (its client id), so its row is updated rather than replaced.
     */
    public String key() {
        return clientMessageId != null ? "c:" + from + ":" + clientMessageId : "m:" + messageId;
    }
}
