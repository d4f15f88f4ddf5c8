package org.confab.server.persistence.internal;

import java.io.Serializable;
import java.util.Objects;

/** Primary key of {@link PendingEntity}: the recipient, then the message id. */
public class PendingKey implements Serializable {
    private static final long serialVersionUID = 1L;

    private String recipient;
    private long messageId;

    public PendingKey() {
        // for JPA
    }

    public PendingKey(String recipient, long messageId) {
        this.recipient = recipient;
        this.messageId = messageId;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof PendingKey)) {
            return false;
        }
        PendingKey key = (PendingKey) other;
        return key.messageId == messageId && Objects.equals(key.recipient, recipient);
    }

    @Override
    public int hashCode() {
        return Objects.hash(recipient, messageId);
    }
}
