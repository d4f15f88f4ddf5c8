package org.confab.server.persistence.internal;

import java.io.Serializable;
import java.util.Objects;

/** Primary key of {@link GrantEntity}: the attachment, then the recipient. */
public class GrantKey implements Serializable {
    private static final long serialVersionUID = 1L;

    private String attachmentId;
    private String recipient;

    public GrantKey() {
        // for JPA
    }

    public GrantKey(String attachmentId, String recipient) {
        this.attachmentId = attachmentId;
        this.recipient = recipient;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof GrantKey)) {
            return false;
        }
        GrantKey key = (GrantKey) other;
        return Objects.equals(key.attachmentId, attachmentId) && Objects.equals(key.recipient, recipient);
    }

    @Override
    public int hashCode() {
        return Objects.hash(attachmentId, recipient);
    }
}
