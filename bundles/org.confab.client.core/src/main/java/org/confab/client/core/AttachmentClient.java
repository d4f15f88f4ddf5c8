package org.confab.client.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import org.confab.client.core.internal.AttachmentTransfers;

/**
 * Stores files on the server and fetches them (the {@code attach.*} requests of docs/protocol.md),
 * obtained with {@link ConfabClient#attachments()}. Needs a logged-in client and a server with the
 * {@code attach} capability ({@link ConfabClient#serverCapabilities()}).
 * <p>
 * Bytes travel in binary frames, a chunk at a time with up to eight chunks on the way, so memory stays
 * at a few chunks however large the file. Both directions resume: an upload of a file the server holds
 * a part of goes on from the server's offset (also after a restart of this program, recognised by
 * checksum and size), a download goes on from the length of its part file. A lost connection is waited
 * out while the client reconnects, then the transfer goes on. Integrity is checked at both ends with
 * SHA-256: the server refuses an upload whose bytes do not match, and a download that does not match
 * fails with {@link org.confab.protocol.ErrorCode#CHECKSUM_MISMATCH} and leaves no file behind.
 * <p>
 * Each transfer runs on a thread of its own. Cancelling the returned future stops it at the next chunk;
 * what was transferred stays for a later resume. Refusals arrive as {@link ConfabException}s with the
 * server's code: {@code FILE_TOO_LARGE}, {@code QUOTA_EXCEEDED}, {@code STORAGE_FULL}, {@code NOT_FOUND}.
 * Thread-safe.
 */
public final class AttachmentClient {
    private final AttachmentTransfers transfers;

    AttachmentClient(AttachmentTransfers transfers) {
        this.transfers = transfers;
    }

    /**
     * Uploads a file under its own name; see {@link #upload(Path, String, String, TransferProgress)}.
     */
    public CompletableFuture<UploadedAttachment> upload(Path file, String mediaType, TransferProgress progress) {
        Path name = Objects.requireNonNull(file, "file").getFileName();
        return upload(file, name == null ? "file" : name.toString(), mediaType, progress);
    }

    /**
     * Uploads a file: reads it once to compute its SHA-256, asks the server where to start and sends the
     * rest. Completes when the server holds the whole file and has checked it.
     *
     * @param name the name recipients are shown (and, sanitised, save it under); at most 255 characters
     * @param mediaType for example {@code application/pdf}, or null
     * @param progress told after each acknowledged chunk; {@link TransferProgress#NONE} for nothing
     * @throws IllegalArgumentException when {@code file} is not a regular file
     */
    public CompletableFuture<UploadedAttachment> upload(Path file, String name, String mediaType,
            TransferProgress progress) {
        if (!Files.isRegularFile(Objects.requireNonNull(file, "file"))) {
            throw new IllegalArgumentException("not a file: " + file);
        }
        return transfers.upload(file, Objects.requireNonNull(name, "name"), mediaType,
                progress == null ? TransferProgress.NONE : progress);
    }

    /**
     * Downloads an attachment into a folder (created if missing): the bytes collect in
     * {@code folder/.confab-ID.part} (an existing one is resumed from its length), are checked against
     * the SHA-256 the server has, then the part is renamed to the attachment's name made safe by
     * {@link SafeFileNames#resolve}, never overwriting a file. Completes with the final path, which is
     * always directly inside {@code folder}.
     *
     * @throws IllegalArgumentException when {@code id} is not of the server's id form
     */
    public CompletableFuture<Path> download(String id, Path folder, TransferProgress progress) {
        return transfers.download(id, Objects.requireNonNull(folder, "folder"),
                progress == null ? TransferProgress.NONE : progress);
    }

    /** Where {@link #download} keeps the bytes of {@code id} in {@code folder} until they are verified. */
    public static Path partFile(Path folder, String id) {
        return AttachmentTransfers.partFile(folder, id);
    }

    /** Name, size, checksum, owner and how much is stored; NOT_FOUND also for one the caller may not read. */
    public CompletableFuture<AttachmentInfo> info(String id) {
        return transfers.info(id);
    }

    /** Deletes one of the caller's own attachments on the server. */
    public CompletableFuture<Void> delete(String id) {
        return transfers.delete(id);
    }
}
