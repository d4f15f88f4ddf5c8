package org.confab.server.persistence.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

import org.confab.server.spi.StoredAttachment;

/**
 * Table of attachments: metadata only, the bytes are files of the attachment service. Indexed by
 * owner (quota sums, resume, account deletion) and by content hash (deduplication). No nested
 * classes here: EclipseLink 2.6's class reader fails on them (see {@link PendingEntity}).
 */
@Entity
@Table(name = "CONFAB_ATTACHMENT", indexes = { @Index(name = "IX_ATTACHMENT_OWNER", columnList = "OWNER,CREATED"),
        @Index(name = "IX_ATTACHMENT_CONTENT", columnList = "SHA256,SIZE_BYTES") })
public class AttachmentEntity {

    @Id
    @Column(name = "ID", length = 64, nullable = false)
    private String id;

    @Column(name = "OWNER", length = 32, nullable = false)
    private String owner;

    @Column(name = "NAME", length = 255, nullable = false)
    private String name;

    @Column(name = "SIZE_BYTES", nullable = false)
    private long bytes;

    @Column(name = "SHA256", length = 64, nullable = false)
    private String sha256;

    @Column(name = "MEDIA_TYPE", length = 127, nullable = false)
    private String mediaType;

    @Column(name = "CREATED", nullable = false)
    private long created;

    @Column(name = "LAST_ACCESS", nullable = false)
    private long lastAccess;

    @Column(name = "COMPLETE", nullable = false)
    private boolean complete;

    protected AttachmentEntity() {
        // for JPA
    }

    AttachmentEntity(StoredAttachment attachment) {
        this.id = attachment.id();
        this.owner = attachment.owner();
        this.name = attachment.name();
        this.bytes = attachment.size();
        this.sha256 = attachment.sha256();
        this.mediaType = attachment.mediaType() == null ? "" : attachment.mediaType();
        this.created = attachment.created().toEpochMilli();
        this.lastAccess = attachment.lastAccess().toEpochMilli();
        this.complete = attachment.complete();
    }

    String id() {
        return id;
    }

    void complete() {
        this.complete = true;
    }

    void touch(Instant at) {
        this.lastAccess = Math.max(lastAccess, at.toEpochMilli());
    }

    StoredAttachment toAttachment() {
        return new StoredAttachment(id, owner, name, bytes, sha256, mediaType, Instant.ofEpochMilli(created),
                Instant.ofEpochMilli(lastAccess), complete);
    }
}
