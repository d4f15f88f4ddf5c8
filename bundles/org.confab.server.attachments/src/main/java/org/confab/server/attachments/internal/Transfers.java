package org.confab.server.attachments.internal;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.confab.protocol.ErrorCode;
import org.confab.protocol.ProtocolException;
import org.confab.protocol.messages.AttachmentMessages.Begin;
import org.confab.protocol.messages.AttachmentMessages.BeginOk;
import org.confab.protocol.messages.AttachmentMessages.ChunkOk;
import org.confab.server.spi.AttachmentStore;
import org.confab.server.spi.StoredAttachment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The upload and download rules of {@code attach.*}: limits and quota at begin, resume from the bytes
 * on disk, deduplication by content, the order of chunks, the checksum at the end, reads of complete
 * content. Memory per request is one chunk: bytes go straight to disk, the hash is kept running.
 */
final class Transfers {
    private static final Logger LOG = LoggerFactory.getLogger(Transfers.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AttachmentStore store;
    private final AttachmentFiles files;
    private final Uploads uploads;
    private final Supplier<Limits> limits;
    /**
     * Orders the steps that decide whether a content file is still needed (completing, deduplicating,
     * deleting), so a content file is never removed while a new attachment starts to use it.
     */
    private final ReentrantLock content = new ReentrantLock();
    private final Clock clock = Clock.systemUTC();

    Transfers(AttachmentStore store, AttachmentFiles files, Supplier<Limits> limits) {
        this.store = store;
        this.files = files;
        this.uploads = new Uploads(files);
        this.limits = limits;
    }

    AttachmentFiles files() {
        return files;
    }

    /**
     * A fresh attachment id: 144 random bits, URL-safe (24 characters), never starting with '-' or
     * '_': an id is typed on command lines (`fetch-file ID`), where a leading '-' reads as an option.
     */
    static String newId() {
        byte[] bytes = new byte[18];
        String id;
        do {
            RANDOM.nextBytes(bytes);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } while (id.charAt(0) == '-' || id.charAt(0) == '_');
        return id;
    }

    BeginOk begin(String owner, Begin request) throws ProtocolException, IOException {
        Limits now = limits.get();
        if (request.size() > now.maxFileBytes()) {
            throw new ProtocolException(ErrorCode.FILE_TOO_LARGE, "the file has " + request.size()
                    + " bytes; this server takes files of at most " + now.maxFileBytes() + " bytes");
        }
        Optional<StoredAttachment> unfinished = store.unfinished(owner, request.sha256(), request.size());
        if (unfinished.isPresent()) {
            return resume(unfinished.get(), now);
        }
        checkQuota(owner, request.size(), now);
        String id = newId();
        content.lock();
        try {
            if (store.hasComplete(request.sha256(), request.size()) && files.hasContent(request.sha256())) {
                store.create(attachment(id, owner, request, true));
                LOG.info("attachment {} of {}: {} bytes, content stored already", id, owner, request.size());
                return new BeginOk(id, request.size(), true, now.chunkBytes());
            }
        } finally {
            content.unlock();
        }
        checkDisk(request.size(), now);
        files.createPartial(id);
        store.create(attachment(id, owner, request, false));
        if (request.size() == 0) {
            return resume(store.find(id).orElseThrow(), now); // nothing to send: check and complete at once
        }
        return new BeginOk(id, 0, false, now.chunkBytes());
    }

    /** An unfinished upload continues where its bytes on disk end; all there (a crash before the check) completes it. */
    private BeginOk resume(StoredAttachment upload, Limits now) throws ProtocolException, IOException {
        Uploads.Upload state = uploads.lock(upload.id());
        try {
            long stored = files.stored(upload.id());
            if (stored > upload.size()) {
                // cannot come from this server's writes; start over rather than hash bytes nobody declared
                files.deletePartial(upload.id());
                uploads.forget(upload.id(), state);
                stored = 0;
            }
            if (stored == upload.size()) {
                finish(upload, state, uploads.digestAt(upload.id(), state, stored));
                return new BeginOk(upload.id(), stored, true, now.chunkBytes());
            }
            return new BeginOk(upload.id(), stored, false, now.chunkBytes());
        } finally {
            uploads.release(state);
        }
    }

    ChunkOk chunk(String owner, String id, long offset, byte[] data) throws ProtocolException, IOException {
        Limits now = limits.get();
        if (data.length < 1 || data.length > now.chunkBytes()) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "a chunk carries 1 to " + now.chunkBytes() + " bytes, not "
                    + data.length);
        }
        Uploads.Upload state = uploads.lock(id);
        try {
            // read under the lock: a chunk that raced with the last one sees the upload complete
            Optional<StoredAttachment> found = Optional.ofNullable(state.row).or(() -> store.find(id))
                    .filter(a -> a.owner().equals(owner));
            if (found.isEmpty()) {
                uploads.forget(id, state); // no entry stays behind for ids that name nothing
                throw notFound(id);
            }
            StoredAttachment upload = found.get();
            state.row = upload;
            if (upload.complete()) {
                throw new OffsetConflict(upload.size(), offset);
            }
            long stored = files.stored(id);
            if (offset != stored) {
                throw new OffsetConflict(stored, offset);
            }
            if (stored + data.length > upload.size()) {
                throw new ProtocolException(ErrorCode.BAD_REQUEST, "the chunk ends at " + (stored + data.length)
                        + ", past the declared size of " + upload.size() + " bytes");
            }
            if (files.usableSpace() - data.length < now.diskFloorBytes()) {
                throw storageFull();
            }
            MessageDigest digest = uploads.digestAt(id, state, stored);
            try {
                files.append(id, data);
            } catch (IOException e) {
                uploads.forget(id, state); // the file may hold part of the chunk: rehash from disk next time
                throw e;
            }
            digest.update(data);
            state.hashed = stored + data.length;
            if (state.hashed == upload.size()) {
                finish(upload, state, digest);
                return new ChunkOk(id, upload.size(), true);
            }
            return new ChunkOk(id, state.hashed, false);
        } finally {
            uploads.release(state);
        }
    }

    /** Checks the whole upload's hash; keeps it as content when it matches, discards the bytes when not. */
    private void finish(StoredAttachment upload, Uploads.Upload state, MessageDigest digest) throws ProtocolException, IOException {
        String actual = Uploads.hex(digest.digest());
        uploads.forget(upload.id(), state);
        if (!actual.equals(upload.sha256())) {
            files.deletePartial(upload.id());
            throw new ProtocolException(ErrorCode.CHECKSUM_MISMATCH, "the " + upload.size()
                    + " bytes received have SHA-256 " + actual + ", not the declared " + upload.sha256()
                    + "; they were discarded, send the file again from offset 0");
        }
        content.lock();
        try {
            files.promote(upload.id(), upload.sha256());
            store.complete(upload.id());
        } finally {
            content.unlock();
        }
        LOG.info("attachment {} of {} complete: {} bytes", upload.id(), upload.owner(), upload.size());
    }

    /** Up to {@code length} bytes of complete content from {@code offset}. */
    byte[] read(StoredAttachment attachment, long offset, long length) throws ProtocolException, IOException {
        if (offset > attachment.size()) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "offset " + offset + " is past the end ("
                    + attachment.size() + " bytes)");
        }
        int most = (int) Math.min(Math.min(length, limits.get().chunkBytes()), attachment.size() - offset);
        if (offset == 0) {
            store.touch(attachment.id(), clock.instant());
        }
        return most == 0 ? new byte[0] : files.read(attachment.sha256(), offset, most);
    }

    /** Deletes the attachment's row, its shares and bytes; its content file goes when nothing else uses it. */
    boolean delete(StoredAttachment attachment) throws IOException {
        Uploads.Upload state = uploads.lock(attachment.id());
        try {
            content.lock();
            try {
                boolean existed = store.delete(attachment.id());
                files.deletePartial(attachment.id());
                if (attachment.complete() && !store.hasComplete(attachment.sha256(), attachment.size())) {
                    files.deleteContent(attachment.sha256());
                }
                return existed;
            } finally {
                content.unlock();
            }
        } finally {
            uploads.forget(attachment.id(), state);
            uploads.release(state);
        }
    }

    /** Records a complete attachment whose content the caller has just put in place (a server-side producer). */
    void adopt(StoredAttachment attachment, Runnable placeContent) {
        content.lock();
        try {
            placeContent.run();
            store.create(attachment);
        } finally {
            content.unlock();
        }
    }

    void checkQuota(String owner, long size, Limits now) throws ProtocolException {
        long used = store.bytesOwnedBy(owner);
        if (used + size > now.quotaBytes()) {
            throw new ProtocolException(ErrorCode.QUOTA_EXCEEDED, "storing " + size + " more bytes would exceed the quota of "
                    + now.quotaBytes() + " bytes; " + Math.max(0, now.quotaBytes() - used) + " bytes are left");
        }
    }

    void checkDisk(long size, Limits now) throws ProtocolException, IOException {
        if (files.usableSpace() - size < now.diskFloorBytes()) {
            throw storageFull();
        }
    }

    private static ProtocolException storageFull() {
        return new ProtocolException(ErrorCode.STORAGE_FULL,
                "the server's disk is too full to store this file; try again later or ask its administrator");
    }

    static ProtocolException notFound(String id) {
        return new ProtocolException(ErrorCode.NOT_FOUND, "there is no attachment '" + id + "' you may use");
    }

    private StoredAttachment attachment(String id, String owner, Begin request, boolean complete) {
        java.time.Instant at = clock.instant();
        return new StoredAttachment(id, owner, request.name(), request.size(), request.sha256(),
                request.mediaType() == null ? "" : request.mediaType(), at, at, complete);
    }
}
