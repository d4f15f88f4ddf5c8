package org.confab.server.attachments.internal;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

import org.confab.server.spi.StoredAttachment;

/**
 * The running SHA-256 of each upload under way, so completing one costs no second pass over its
 * bytes: the digest's state is a few hundred bytes whatever the file's size. After a restart (or when
 * the state does not match the file, say after a failed write) the stored prefix is hashed again from
 * disk, a buffer at a time. One lock per upload orders the chunks of one id even if two connections
 * send them.
 */
final class Uploads {

    /** One upload's lock, digest and how many bytes the digest has seen. */
    static final class Upload {
        final ReentrantLock lock = new ReentrantLock();
        MessageDigest digest;
        long hashed = -1;
        /**
         * The upload's row as last read, so a chunk need not read it again: the row changes only when the
         * upload completes or is deleted, and both forget this entry under its lock.
         */
        StoredAttachment row;
    }

    private final ConcurrentMap<String, Upload> uploads = new ConcurrentHashMap<>();
    private final AttachmentFiles files;

    Uploads(AttachmentFiles files) {
        this.files = files;
    }

    /** The upload's entry, locked; release with {@link #release}. */
    Upload lock(String id) {
        while (true) {
            Upload upload = uploads.computeIfAbsent(id, key -> new Upload());
            upload.lock.lock();
            if (uploads.get(id) == upload) {
                return upload;
            }
            upload.lock.unlock(); // forgotten meanwhile (completed, deleted): take the new entry
        }
    }

    void release(Upload upload) {
        upload.lock.unlock();
    }

    /** The digest of the upload's first {@code stored} bytes, from memory when it has seen exactly them. */
    MessageDigest digestAt(String id, Upload upload, long stored) throws IOException {
        if (upload.digest == null || upload.hashed != stored) {
            MessageDigest digest = sha256();
            if (stored > 0) {
                files.hashPrefix(id, stored, digest);
            }
            upload.digest = digest;
            upload.hashed = stored;
        }
        return upload.digest;
    }

    /** Drops the upload's state (finished, failed or deleted); its holder must have it locked. */
    void forget(String id, Upload upload) {
        upload.digest = null;
        upload.hashed = -1;
        upload.row = null;
        uploads.remove(id, upload);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static String hex(byte[] hash) {
        return java.util.HexFormat.of().formatHex(hash);
    }
}
