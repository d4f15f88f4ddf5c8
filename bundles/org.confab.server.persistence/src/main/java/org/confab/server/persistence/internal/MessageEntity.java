package org.confab.server.persistence.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Lob;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

import org.confab.server.api.StoredMessage;
import org.confab.server.spi.NewMessage;

/**
 * Table of 1:1 messages, written once and never updated: whether a message was delivered is kept in
 * {@link PendingEntity}. The unique (sender, client id) pair makes resends idempotent; the indexes
 * serve conversations (sender, recipient, id), a user's received messages for a search over all
 * conversations (recipient, id; its sent ones use the conversation index) and the daily message count
 * of the server status (sent at). Every index costs CPU at each commit (changed B-tree pages are
 * rewritten), so there are no others.
 */
@Entity
@Table(name = "CONFAB_MESSAGE",
        uniqueConstraints = @UniqueConstraint(name = "UQ_MESSAGE_CLIENT_ID", columnNames = { "SENDER", "CLIENT_MESSAGE_ID" }),
        indexes = { @Index(name = "IX_MESSAGE_CONVERSATION", columnList = "SENDER,RECIPIENT,ID"),
                @Index(name = "IX_MESSAGE_RECIPIENT", columnList = "RECIPIENT,ID"),
                @Index(name = "IX_MESSAGE_SENT_AT", columnList = "SENT_AT") })
public class MessageEntity {

    /** From {@link MessageIds}, which keeps ids in the order of storing across the nodes of a cluster. */
    @Id
    @Column(name = "ID")
    private long id;

    @Column(name = "SENDER", length = 32, nullable = false)
    private String sender;

    @Column(name = "RECIPIENT", length = 32, nullable = false)
    private String recipient;

    @Column(name = "CLIENT_MESSAGE_ID", length = 64, nullable = false)
    private String clientMessageId;

    @Column(name = "BODY", length = 8000, nullable = false)
    private String body;

    @Column(name = "SENT_AT", nullable = false)
    private long sentAt;

    /** Protocol version 2 (see {@link ContentColumns}): NULL for a plain text message and in rows written before. */
    @Column(name = "KIND", length = 64)
    private String kind;

    @Lob
    @Column(name = "META")
    private String meta;

    @Lob
    @Column(name = "ATTACHMENTS")
    private String attachments;

    protected MessageEntity() {
        // for JPA
    }

    MessageEntity(long id, NewMessage message, Instant now) {
        this.id = id;
        this.sender = message.sender();
        this.recipient = message.recipient();
        this.clientMessageId = message.clientMessageId();
        this.body = message.text();
        this.sentAt = now.toEpochMilli();
        ContentColumns columns = ContentColumns.of(message.content());
        this.kind = columns.kind();
        this.meta = columns.meta();
        this.attachments = columns.attachments();
    }

    long id() {
        return id;
    }

    String sender() {
        return sender;
    }

    String recipient() {
        return recipient;
    }

    long sentAt() {
        return sentAt;
    }

    String clientMessageId() {
        return clientMessageId;
    }

    StoredMessage toMessage(boolean delivered) {
        return new StoredMessage(id, sender, recipient, new ContentColumns(kind, meta, attachments).content(body),
                Instant.ofEpochMilli(sentAt), clientMessageId, delivered);
    }
}
