package org.confab.server.attachments.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.confab.protocol.ErrorCode;
import org.confab.protocol.ProtocolException;
import org.confab.protocol.messages.AttachmentMessages;
import org.confab.server.api.AttachmentGrant;
import org.confab.server.api.AttachmentInfo;
import org.confab.server.api.AttachmentRef;
import org.confab.server.api.AttachmentService;
import org.confab.server.api.AttachmentState;
import org.confab.server.api.MessageListener;
import org.confab.server.api.StorageException;
import org.confab.server.api.StoredMessage;
import org.confab.server.spi.AccountDeletionListener;
import org.confab.server.spi.AccountService;
import org.confab.server.spi.AttachmentSharing;
import org.confab.server.spi.AttachmentStore;
import org.confab.server.spi.DataDirectory;
import org.confab.server.spi.StoredAttachment;
import org.confab.server.spi.StoredGrant;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The attachment store of the server: the public {@link AttachmentService}, the sharing of attachments
 * by messages (before they are stored, {@link AttachmentSharing}; their message ids after,
 * {@link MessageListener}), the removal of a deleted account's files, and the expiry of old files.
 * The wire requests are {@link AttachHandler}'s; the rules of uploads are {@link Transfers}'.
 */
@Designate(ocd = AttachmentsConfig.class)
@Component(configurationPid = "org.confab.server.attachments", service = { AttachmentService.class,
        AttachmentSharing.class, AccountDeletionListener.class, MessageListener.class, DefaultAttachmentService.class })
public class DefaultAttachmentService
        implements AttachmentService, AttachmentSharing, AccountDeletionListener, MessageListener {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultAttachmentService.class);
    private static final int EXPIRY_BATCH = 500;
    private static final int STORE_BUFFER = 64 << 10;

    private final AttachmentStore store;
    private final AccountService accounts;
    private final Transfers transfers;
    private final Clock clock = Clock.systemUTC();
    /** Notes message ids on shares after the commit, off the thread that reports it (listeners must not block). */
    private final ExecutorService links = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon()
            .name("confab-attachment-links").factory());
    private final ScheduledExecutorService expiry = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
            .daemon().name("confab-attachment-expiry").factory());
    private volatile Limits limits;
    private ScheduledFuture<?> expiryRun;

    @Activate
    public DefaultAttachmentService(@Reference AttachmentStore store, @Reference AccountService accounts,
            @Reference DataDirectory data, AttachmentsConfig config) throws IOException {
        this.store = store;
        this.accounts = accounts;
        this.limits = Limits.of(config);
        Path root = config.directory().isBlank() ? data.directory("attachments") : Path.of(config.directory());
        this.transfers = new Transfers(store, new AttachmentFiles(root), () -> limits);
        scheduleExpiry();
        LOG.info("attachments in {}: files up to {} bytes, {} bytes per user, {} bytes kept free", root,
                limits.maxFileBytes(), limits.quotaBytes(), limits.diskFloorBytes());
    }

    @Modified
    void modified(AttachmentsConfig config) {
        this.limits = Limits.of(config);
        scheduleExpiry();
    }

    @Deactivate
    void deactivate() {
        expiry.shutdownNow();
        links.shutdown();
    }

    private synchronized void scheduleExpiry() {
        if (expiryRun != null) {
            expiryRun.cancel(false);
        }
        int seconds = limits.expiryCheckSeconds();
        expiryRun = expiry.scheduleWithFixedDelay(this::expireQuietly, seconds, seconds, TimeUnit.SECONDS);
    }

    Transfers transfers() {
        return transfers;
    }

    AttachmentStore store() {
        return store;
    }

    /** The attachment if {@code user} may read it (owner or shared with), without touching it. */
    Optional<StoredAttachment> readable(String id, String user) {
        if (!AttachmentMessages.isValidId(id)) {
            return Optional.empty();
        }
        return store.find(id).filter(a -> a.owner().equals(user) || store.findGrant(id, user).isPresent());
    }

    AttachmentInfo toInfo(StoredAttachment a) {
        long stored;
        try {
            stored = a.complete() ? a.size() : transfers.files().stored(a.id());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new AttachmentInfo(a.id(), a.owner(), a.name(), a.size(), a.sha256(), a.mediaType(), a.created(), stored,
                a.complete());
    }

    @Override
    public Optional<AttachmentInfo> info(String id, String asUser) {
        return readable(id, asUser).map(this::toInfo);
    }

    @Override
    public boolean canRead(String id, String user) {
        return readable(id, user).isPresent();
    }

    @Override
    public Optional<AttachmentGrant> setState(String id, String user, AttachmentState state) {
        return store.setState(id, user, state, clock.instant()).flatMap(this::toGrant);
    }

    @Override
    public List<AttachmentGrant> grantsTo(String user) {
        return grants(store.grantsTo(user));
    }

    @Override
    public List<AttachmentGrant> grantsOf(String id) {
        return grants(store.grantsOf(id));
    }

    @Override
    public List<AttachmentGrant> grantsFrom(String owner) {
        return grants(store.grantsFrom(owner));
    }

    private List<AttachmentGrant> grants(List<StoredGrant> grants) {
        return grants.stream().map(this::toGrant).flatMap(Optional::stream).toList();
    }

    private Optional<AttachmentGrant> toGrant(StoredGrant g) {
        return store.find(g.attachmentId()).map(a -> new AttachmentGrant(toInfo(a), g.recipient(), g.messageId(),
                g.state(), g.offered(), g.changed()));
    }

    @Override
    public InputStream open(String id, String asUser) throws IOException, ProtocolException {
        StoredAttachment attachment = readable(id, asUser).filter(StoredAttachment::complete)
                .orElseThrow(() -> Transfers.notFound(id));
        store.touch(id, clock.instant());
        return transfers.files().open(attachment.sha256());
    }

    @Override
    public AttachmentInfo store(String owner, String name, String mediaType, InputStream bytes)
            throws IOException, ProtocolException {
        String shown = name == null ? "" : name.strip();
        if (shown.isEmpty() || shown.length() > AttachmentMessages.MAX_NAME || shown.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "a file name has 1 to " + AttachmentMessages.MAX_NAME
                    + " characters and no control characters");
        }
        String user = accounts.canonical(owner);
        if (accounts.find(user).isEmpty()) {
            throw new ProtocolException(ErrorCode.NO_SUCH_USER, "there is no user '" + user + "'");
        }
        Limits now = limits;
        long used = store.bytesOwnedBy(user);
        String id = Transfers.newId();
        AttachmentFiles files = transfers.files();
        MessageDigest digest = Uploads.sha256();
        long size = 0;
        boolean kept = false;
        transfers.checkDisk(0, now);
        files.createPartial(id);
        try {
            try (OutputStream out = Files.newOutputStream(files.partial(id), StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                byte[] buffer = new byte[STORE_BUFFER];
                for (int read; (read = bytes.read(buffer)) >= 0;) {
                    size += read;
                    if (size > now.maxFileBytes()) {
                        throw new ProtocolException(ErrorCode.FILE_TOO_LARGE, "more than " + now.maxFileBytes() + " bytes");
                    }
                    if (used + size > now.quotaBytes()) {
                        throw new ProtocolException(ErrorCode.QUOTA_EXCEEDED, "storing it would exceed the quota of "
                                + now.quotaBytes() + " bytes");
                    }
                    if ((size - read) >>> 20 != size >>> 20) { // once per MiB: asking the file system costs a system call
                        transfers.checkDisk(STORE_BUFFER, now);
                    }
                    digest.update(buffer, 0, read);
                    out.write(buffer, 0, read);
                }
            }
            String sha256 = Uploads.hex(digest.digest());
            Instant at = clock.instant();
            StoredAttachment attachment = new StoredAttachment(id, user, shown, size, sha256,
                    mediaType == null ? "" : mediaType.strip(), at, at, true);
            transfers.adopt(attachment, () -> {
                try {
                    files.promote(id, sha256);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            kept = true;
            LOG.info("attachment {} of {} stored on the server: {} bytes (quota used before: {})", id, user, size, used);
            return toInfo(attachment);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            if (!kept) {
                files.deletePartial(id);
            }
        }
    }

    @Override
    public boolean delete(String id) {
        if (!AttachmentMessages.isValidId(id)) {
            return false;
        }
        Optional<StoredAttachment> attachment = store.find(id);
        if (attachment.isEmpty()) {
            return false;
        }
        try {
            return transfers.delete(attachment.get());
        } catch (IOException e) {
            throw new StorageException("could not delete the files of attachment " + id + ": " + e.getMessage(), e);
        }
    }

    /** Shares each attachment the sender may read with the recipient, before the message is stored. */
    @Override
    public void sharing(String sender, String recipient, List<AttachmentRef> attachments) {
        Instant at = clock.instant();
        for (AttachmentRef ref : attachments) {
            Optional<StoredAttachment> attachment = readable(ref.id(), sender);
            if (attachment.isPresent() && !attachment.get().owner().equals(recipient)) {
                store.grant(ref.id(), recipient, at);
            }
        }
    }

    @Override
    public void stored(StoredMessage message) {
        List<AttachmentRef> attachments = message.content().attachments();
        if (attachments.isEmpty()) {
            return;
        }
        links.execute(() -> {
            for (AttachmentRef ref : attachments) {
                try {
                    if (AttachmentMessages.isValidId(ref.id())) {
                        store.linkMessage(ref.id(), message.recipient(), message.id());
                    }
                } catch (StorageException e) {
                    LOG.warn("could not note message {} on the share of {}: {}", message.id(), ref.id(), e.getMessage());
                }
            }
        });
    }

    @Override
    public String accountDeleted(String username) {
        int deleted = 0;
        for (StoredAttachment attachment : store.ownedBy(username)) {
            try {
                if (transfers.delete(attachment)) {
                    deleted++;
                }
            } catch (IOException e) {
                LOG.error("could not delete the files of attachment {} of deleted account {}", attachment.id(), username, e);
            }
        }
        Instant at = clock.instant();
        // what was shared with the account will never be fetched: its files may expire like declined ones
        for (StoredGrant grant : store.grantsTo(username)) {
            store.setState(grant.attachmentId(), username, AttachmentState.DECLINED, at);
        }
        return deleted == 1 ? "1 file" : deleted + " files";
    }

    /** Deletes expired files; returns how many. */
    int expire() {
        Instant now = clock.instant();
        Limits current = limits;
        int deleted = 0;
        List<StoredAttachment> batch;
        do {
            batch = store.expired(now.minus(current.retention()), now.minus(current.maxAge()), EXPIRY_BATCH);
            for (StoredAttachment attachment : batch) {
                try {
                    if (transfers.delete(attachment)) {
                        deleted++;
                    }
                } catch (IOException e) {
                    LOG.error("could not delete the files of expired attachment {}", attachment.id(), e);
                    return deleted; // the same one would come first again: try at the next run
                }
            }
        } while (batch.size() == EXPIRY_BATCH);
        if (deleted > 0) {
            LOG.info("{} expired attachments deleted", deleted);
        }
        return deleted;
    }

    private void expireQuietly() {
        try {
            expire();
        } catch (RuntimeException e) {
            LOG.error("looking for expired attachments failed", e);
        }
    }
}
