package org.confab.server.attachments.internal;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import org.confab.protocol.ErrorCode;
import org.confab.protocol.ProtocolException;
import org.confab.protocol.messages.AttachmentMessages;
import org.confab.protocol.messages.AttachmentMessages.FileEntry;
import org.confab.protocol.messages.AttachmentMessages.FilePage;
import org.confab.server.api.AdminActor;
import org.confab.server.api.AdminService;
import org.confab.server.api.AttachmentState;
import org.confab.server.api.StorageException;
import org.confab.server.spi.AccountService;
import org.confab.server.spi.AuditLog;
import org.confab.server.spi.NewAuditEntry;
import org.confab.server.spi.StoredAttachment;
import org.confab.server.spi.StoredGrant;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What administrators may do with stored files, for the wire ({@link AdminFilesHandler}) and the
 * console ({@link FileCommands}) alike: every call is authorised by {@link AdminService} first, and
 * every deletion is audited.
 */
@Component(service = FileAdministration.class)
public class FileAdministration {
    private static final Logger LOG = LoggerFactory.getLogger(FileAdministration.class);
    static final int DEFAULT_PAGE = 50;

    private final DefaultAttachmentService attachments;
    private final AdminService admin;
    private final AccountService accounts;
    private final AuditLog audit;
    private final Clock clock = Clock.systemUTC();

    @Activate
    public FileAdministration(@Reference DefaultAttachmentService attachments, @Reference AdminService admin,
            @Reference AccountService accounts, @Reference AuditLog audit) {
        this.attachments = attachments;
        this.admin = admin;
        this.accounts = accounts;
        this.audit = audit;
    }

    FilePage files(AdminActor actor, Optional<String> owner, int offset, int limit) throws ProtocolException {
        admin.authorize(actor);
        if (offset < 0 || limit < 1 || limit > AttachmentMessages.MAX_FILE_PAGE) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "offset must not be negative and limit be 1 to "
                    + AttachmentMessages.MAX_FILE_PAGE);
        }
        Optional<String> who = owner.map(accounts::canonical);
        List<FileEntry> page = attachments.store().page(who, offset, limit).stream().map(this::entry).toList();
        return new FilePage(page, attachments.store().count(who));
    }

    private FileEntry entry(StoredAttachment a) {
        return new FileEntry(a.id(), a.owner(), a.name(), a.size(), state(a),
                DateTimeFormatter.ISO_INSTANT.format(a.created()), DateTimeFormatter.ISO_INSTANT.format(a.lastAccess()));
    }

    /** partial, stored (shared with nobody), offered (somebody has not finished with it) or settled. */
    private String state(StoredAttachment a) {
        if (!a.complete()) {
            return "partial";
        }
        List<StoredGrant> grants = attachments.store().grantsOf(a.id());
        if (grants.isEmpty()) {
            return "stored";
        }
        return grants.stream().map(StoredGrant::state).allMatch(AttachmentState::isFinal) ? "settled" : "offered";
    }

    void delete(AdminActor actor, String id) throws ProtocolException {
        admin.authorize(actor);
        StoredAttachment file = (AttachmentMessages.isValidId(id) ? attachments.store().find(id) : Optional.<StoredAttachment>empty())
                .orElseThrow(() -> new ProtocolException(ErrorCode.NOT_FOUND, "there is no file '" + id + "'"));
        attachments.delete(id);
        String details = "owner " + file.owner() + ", name '" + file.name() + "', " + file.size() + " bytes";
        LOG.info("audit: {} from {}: file.delete {}: {}", actor.name(), actor.address(), id, details);
        try {
            audit.append(new NewAuditEntry(clock.instant(), actor.name(), "file.delete", Optional.of(id), actor.address(), details));
        } catch (StorageException e) {
            LOG.error("could not store the audit entry of deleting file {}", id, e);
        }
    }
}
