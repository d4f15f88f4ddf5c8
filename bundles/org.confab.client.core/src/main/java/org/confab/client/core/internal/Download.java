package org.confab.client.core.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;

import org.confab.client.core.AttachmentInfo;
import org.confab.client.core.ConfabException;
import org.confab.client.core.SafeFileNames;
import org.confab.client.core.TransferProgress;
import org.confab.protocol.ErrorCode;
import org.confab.protocol.Frame;
import org.confab.protocol.messages.AttachmentMessages;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One download: asks for the attachment's size and checksum ({@code attach.info}), appends
 * {@code attach.read} answers to {@code FOLDER/.confab-ID.part} with up to {@link Transfers#WINDOW}
 * reads on the way, and resumes from that file's length when it exists. When every byte is there it
 * compares the SHA-256 (a mismatch deletes the part and fails, never leaving a corrupt file), then
 * moves the part to the sanitised name ({@link SafeFileNames}) without overwriting anything. Memory
 * stays at a window of chunks. After a lost connection it waits for the client to log in again and goes
 * on from the part's length. Cancelling {@link #result} stops it at the next chunk and keeps the part.
 */
final class Download implements Runnable {
    /** Hard links keep the move from replacing a file created meanwhile; tries before giving up. */
    private static final int MAX_NAME_ATTEMPTS = 100;

    private final AttachmentChannel channel;
    private final String id;
    private final Path folder;
    private final TransferProgress progress;
    private final CompletableFuture<Path> result;

    Download(AttachmentChannel channel, String id, Path folder, TransferProgress progress,
            CompletableFuture<Path> result) {
        this.channel = channel;
        this.id = Transfers.requireId(id);
        this.folder = folder;
        this.progress = progress;
        this.result = result;
    }

    /** Where the bytes collect until they are verified: hidden, and named by the id so a rerun finds it. */
    static Path partFile(Path folder, String id) {
        return folder.resolve(".confab-" + Transfers.requireId(id) + ".part");
    }

    @Override
    public void run() {
        try {
            result.complete(download());
        } catch (Throwable e) {
            result.completeExceptionally(e);
        }
    }

    private Path download() throws Exception {
        Files.createDirectories(folder);
        Path part = partFile(folder, id);
        int retries = 0;
        long lastStart = -1;
        while (true) {
            Transfers.checkCancelled(result);
            try {
                AttachmentInfo info = AttachmentRequests.info(channel, id);
                if (!info.complete()) {
                    throw new ConfabException(ErrorCode.CONFLICT,
                            "the attachment is not completely uploaded yet (" + info.offset() + " of " + info.size() + " bytes)");
                }
                long have = Files.exists(part) ? Files.size(part) : 0;
                if (have > info.size()) {
                    Files.delete(part); // not a prefix of this file, whatever it is
                    have = 0;
                }
                if (have > lastStart) {
                    retries = 0; // the limit is on failures in a row without progress
                }
                lastStart = have;
                MessageDigest digest = Sha256.digest();
                Sha256.update(digest, part, have);
                Transfers.report(progress, have, info.size(), have);
                try (FileChannel out = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                    out.truncate(have);
                    receive(out, have, info.size(), digest, have);
                    out.force(true);
                }
                if (!Sha256.hex(digest).equalsIgnoreCase(info.sha256())) {
                    Files.deleteIfExists(part);
                    throw new ConfabException(ErrorCode.CHECKSUM_MISMATCH, "the downloaded bytes do not have the"
                            + " SHA-256 the sender declared (" + info.sha256() + "); the partial file was deleted");
                }
                return moveIntoPlace(part, info.name());
            } catch (Exception e) {
                if (!Transfers.retryable(e) || ++retries > Transfers.MAX_RETRIES || !channel.awaitLoggedIn()) {
                    throw e;
                }
                Thread.sleep(Transfers.pause(e, retries));
            }
        }
    }

    private void receive(FileChannel out, long from, long size, MessageDigest digest, long resumedFrom)
            throws Exception {
        ArrayDeque<Transfers.InFlight> inFlight = new ArrayDeque<>();
        int chunk = Math.min(Transfers.PREFERRED_CHUNK_BYTES, Transfers.maxChunk(channel));
        long written = from;
        long asked = from;
        // One read alone first: its answer shows the server's chunk size, which may be less than asked
        // for; reads sent before knowing it would leave gaps.
        int window = 1;
        while (written < size) {
            Transfers.checkCancelled(result);
            while (inFlight.size() < window && asked < size) {
                int length = (int) Math.min(chunk, size - asked);
                ObjectNode body = JsonNodeFactory.instance.objectNode().put("id", id).put("offset", asked)
                        .put("length", length);
                inFlight.add(new Transfers.InFlight(asked, length, channel.request(AttachmentMessages.READ, body, null)));
                asked += length;
            }
            Transfers.InFlight head = inFlight.poll();
            Frame ok = Transfers.await(head.answer());
            byte[] data = ok.data();
            long offset = Transfers.longField(ok, "offset");
            if (offset != head.offset() || data == null || data.length == 0 || data.length > head.length()) {
                throw new ConfabException(ErrorCode.BAD_FRAME, "attach.read at " + head.offset() + " for "
                        + head.length() + " bytes was answered at " + offset + " with "
                        + (data == null ? "no" : data.length) + " bytes");
            }
            ByteBuffer buffer = ByteBuffer.wrap(data);
            while (buffer.hasRemaining()) {
                out.write(buffer, written + buffer.position());
            }
            digest.update(data);
            written += data.length;
            Transfers.report(progress, written, size, resumedFrom);
            if (window == 1) {
                window = Transfers.WINDOW;
                chunk = Math.min(chunk, data.length);
                asked = written; // the probe may have asked for more than it got
            } else if (data.length < head.length() && written < size) {
                // The server's chunks became smaller than asked for: the reads on the way leave gaps.
                // Forget them (their answers are dropped) and go on asking for what it sends.
                chunk = data.length;
                inFlight.clear();
                asked = written;
            }
        }
    }

    /** Gives the verified part its final name, never replacing a file, even one created a moment ago. */
    private Path moveIntoPlace(Path part, String untrustedName) throws IOException {
        for (int attempt = 0; attempt < MAX_NAME_ATTEMPTS; attempt++) {
            Path target = SafeFileNames.resolve(folder, untrustedName);
            try {
                Files.createLink(target, part); // fails if the name exists, unlike a rename
                Files.delete(part);
                return target;
            } catch (FileAlreadyExistsException e) {
                // taken since resolve looked: the next free name
            } catch (UnsupportedOperationException | IOException e) {
                // no hard links on this file system: a move that refuses to replace
                try {
                    Files.move(part, target);
                    return target;
                } catch (FileAlreadyExistsException taken) {
                    // as above
                }
            }
        }
        throw new IOException("could not find a free name for " + untrustedName + " in " + folder);
    }
}
