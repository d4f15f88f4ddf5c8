package org.confab.server.persistence.internal;

import java.time.Instant;
import java.util.Optional;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

import org.confab.server.api.AuditEntry;
import org.confab.server.spi.NewAuditEntry;

/** Table of administrative actions, append-only. Over-long values are cut to fit their columns. */
@Entity
@Table(name = "CONFAB_AUDIT", indexes = @Index(name = "IX_AUDIT_TARGET", columnList = "TARGET,ID"))
public class AuditEntity {
    static final int MAX_NAME = 64;
    static final int MAX_ACTION = 32;
    static final int MAX_ADDRESS = 64;
    static final int MAX_DETAILS = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "auditIds")
    @TableGenerator(name = "auditIds", table = "CONFAB_SEQUENCE", pkColumnName = "NAME", valueColumnName = "NEXT_VALUE",
            pkColumnValue = "AUDIT", allocationSize = 10)
    @Column(name = "ID")
    private long id;

    @Column(name = "AT", nullable = false)
    private long at;

    @Column(name = "ACTOR", length = MAX_NAME, nullable = false)
    private String actor;

    @Column(name = "ACTION", length = MAX_ACTION, nullable = false)
    private String action;

    @Column(name = "TARGET", length = MAX_NAME)
    private String target;

    @Column(name = "ADDRESS", length = MAX_ADDRESS, nullable = false)
    private String address;

    @Column(name = "DETAILS", length = MAX_DETAILS, nullable = false)
    private String details;

    protected AuditEntity() {
        // for JPA
    }

    AuditEntity(NewAuditEntry entry) {
        this.at = entry.at().toEpochMilli();
        this.actor = cut(entry.actor(), MAX_NAME);
        this.action = cut(entry.action(), MAX_ACTION);
        this.target = entry.target().map(t -> cut(t, MAX_NAME)).orElse(null);
        this.address = cut(entry.address(), MAX_ADDRESS);
        this.details = cut(entry.details(), MAX_DETAILS);
    }

    AuditEntry toEntry() {
        return new AuditEntry(id, Instant.ofEpochMilli(at), actor, action, Optional.ofNullable(target), address, details);
    }

    /** Shortens to {@code max} characters without splitting a surrogate pair. */
    static String cut(String value, int max) {
        String text = value == null ? "" : value;
        if (text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }
}
