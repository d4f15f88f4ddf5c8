package org.confab.server.persistence.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Index;
import javax.persistence.Table;

import org.confab.server.api.AttachmentState;
import org.confab.server.spi.StoredGrant;

/**
 * A recipient's access to an attachment, with where they stand. The key (attachment, recipient) makes
 * sharing the same file twice with the same user one grant; the recipient index serves the offers
 * listing. The state is stored by name.
 */
@Entity
@Table(name = "CONFAB_ATTACHMENT_GRANT", indexes = @Index(name = "IX_GRANT_RECIPIENT", columnList = "RECIPIENT,OFFERED"))
@IdClass(GrantKey.class)
public class GrantEntity {

    @Id
    @Column(name = "ATTACHMENT_ID", length = 64, nullable = false)
    private String attachmentId;

    @Id
    @Column(name = "RECIPIENT", length = 32, nullable = false)
    private String recipient;

    @Column(name = "MESSAGE_ID", nullable = false)
    private long messageId;

    @Column(name = "STATE", length = 16, nullable = false)
    private String state;

    @Column(name = "OFFERED", nullable = false)
    private long offered;

    @Column(name = "CHANGED", nullable = false)
    private long changed;

    protected GrantEntity() {
        // for JPA
    }

    GrantEntity(String attachmentId, String recipient, Instant at) {
        this.attachmentId = attachmentId;
        this.recipient = recipient;
        this.state = AttachmentState.OFFERED.name();
        this.offered = at.toEpochMilli();
        this.changed = offered;
    }

    long messageId() {
        return messageId;
    }

    void linkMessage(long id) {
        this.messageId = id;
    }

    /** Moves to {@code next} unless the current state is final. */
    void moveTo(AttachmentState next, Instant at) {
        AttachmentState current = AttachmentState.valueOf(state);
        if (!current.isFinal() && current != next) {
            this.state = next.name();
            this.changed = at.toEpochMilli();
        }
    }

    StoredGrant toGrant() {
        return new StoredGrant(attachmentId, recipient, messageId, AttachmentState.valueOf(state),
                Instant.ofEpochMilli(offered), Instant.ofEpochMilli(changed));
    }
}
