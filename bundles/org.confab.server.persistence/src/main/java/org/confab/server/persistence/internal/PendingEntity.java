package org.confab.server.persistence.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

/**
 * A message no client of its recipient has acknowledged yet. Delivery state lives here, not in the
 * message table: an acknowledgement deletes one row from this small table by primary key instead of
 * rewriting the message row and moving it in an index of the large one. The key (recipient, message
 * id) serves offline delivery in order and lets an acknowledgement touch only the recipient's own
 * rows. Sender, time and client id are copied so an acknowledgement can notify the sender without
 * reading the message table.
 *
 * <p>The key is a top-level class on purpose: EclipseLink 2.6 reads entity classes with an ASM visitor
 * that fails on the nest attributes of a class with nested classes and then silently treats the
 * entity as unknown.
 */
@Entity
@Table(name = "CONFAB_PENDING")
@IdClass(PendingKey.class)
public class PendingEntity {

    @Id
    @Column(name = "RECIPIENT", length = 32, nullable = false)
    private String recipient;

    @Id
    @Column(name = "MESSAGE_ID", nullable = false)
    private long messageId;

    @Column(name = "SENDER", length = 32, nullable = false)
    private String sender;

    @Column(name = "SENT_AT", nullable = false)
    private long sentAt;

    @Column(name = "CLIENT_MESSAGE_ID", length = 64, nullable = false)
    private String clientMessageId;

    protected PendingEntity() {
        // for JPA
    }

    PendingEntity(MessageEntity message) {
        this.recipient = message.recipient();
        this.messageId = message.id();
        this.sender = message.sender();
        this.sentAt = message.sentAt();
        this.clientMessageId = message.clientMessageId();
    }
}
