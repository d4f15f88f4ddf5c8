package org.confab.client.core.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;

import org.confab.client.core.ConfabException;
import org.confab.client.core.TransferProgress;
import org.confab.client.core.UploadedAttachment;
import org.confab.protocol.ErrorCode;
import org.confab.protocol.Frame;
import org.confab.protocol.messages.AttachmentMessages;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One upload (docs/protocol.md, attachments): hashes the file while streaming it once, asks the server
 * where to start ({@code attach.begin} answers with the offset it already holds, so an interrupted upload
 * resumes and known content is not sent at all), then sends {@code attach.chunk}s with up to
 * {@link Transfers#WINDOW} unanswered. At most a window of chunks is in memory, whatever the file's size.
 * After a lost connection it waits for the client to log in again and resumes from the server's offset.
 * Runs on a thread of its own and completes {@link #result}; cancelling that future stops it at the next
 * chunk, leaving what the server stored for a later resume.
 */
final class Upload implements Runnable {
    private final AttachmentChannel channel;
    private final Path file;
    private final String name;
    private final String mediaType;
    private final TransferProgress progress;
    private final CompletableFuture<UploadedAttachment> result;

    Upload(AttachmentChannel channel, Path file, String name, String mediaType, TransferProgress progress,
            CompletableFuture<UploadedAttachment> result) {
        this.channel = channel;
        this.file = file;
        this.name = name;
        this.mediaType = mediaType;
        this.progress = progress;
        this.result = result;
    }

    @Override
    public void run() {
        try {
            result.complete(upload());
        } catch (Throwable e) {
            result.completeExceptionally(e);
        }
    }

    private record Begun(String id, long offset, boolean complete, int chunkBytes) {
    }

    /** The server's offset was not where this upload thought: ask again where to go on. */
    private static final class OffsetMoved extends Exception {
        private static final long serialVersionUID = 1L;

        OffsetMoved(String message) {
            super(message, null, false, false);
        }
    }

    private UploadedAttachment upload() throws Exception {
        long size = Files.size(file);
        String sha256 = Sha256.of(file, size);
        if (Files.size(file) != size) {
            throw new IOException(file + " changed while its checksum was computed");
        }
        long resumedFrom = -1;
        long lastStart = -1;
        int retries = 0;
        while (true) {
            Transfers.checkCancelled(result);
            try {
                Begun begun = begin(size, sha256);
                if (resumedFrom < 0) {
                    resumedFrom = begun.offset();
                }
                if (begun.offset() > lastStart) {
                    retries = 0; // the limit is on failures in a row without progress, not in a long transfer
                }
                lastStart = begun.offset();
                Transfers.report(progress, begun.offset(), size, begun.offset());
                if (!begun.complete()) {
                    send(begun, size, begun.offset());
                }
                return new UploadedAttachment(begun.id(), name, size, sha256, mediaType, resumedFrom);
            } catch (OffsetMoved e) {
                if (++retries > Transfers.MAX_RETRIES) {
                    throw new ConfabException(ErrorCode.CONFLICT, e.getMessage());
                }
            } catch (Exception e) {
                if (!Transfers.retryable(e) || ++retries > Transfers.MAX_RETRIES || !channel.awaitLoggedIn()) {
                    throw e;
                }
                Thread.sleep(Transfers.pause(e, retries));
            }
        }
    }

    private Begun begin(long size, String sha256) throws Exception {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("name", name).put("size", size).put("sha256", sha256);
        if (mediaType != null) {
            body.put("mediaType", mediaType);
        }
        Frame ok = Transfers.await(channel.request(AttachmentMessages.BEGIN, body, null));
        String id = Transfers.requireId(Transfers.textField(ok, "id"));
        long offset = Transfers.longField(ok, "offset");
        boolean complete = ok.body().path("complete").asBoolean(false);
        long chunkBytes = ok.body().path("chunkBytes").asLong(Transfers.PREFERRED_CHUNK_BYTES);
        if (offset < 0 || offset > size || chunkBytes < 1) {
            throw new ConfabException(ErrorCode.BAD_FRAME, "attach.begin.ok with offset " + offset + " of " + size
                    + " and chunks of " + chunkBytes + " bytes");
        }
        int chunk = (int) Math.min(chunkBytes, Transfers.maxChunk(channel));
        return new Begun(id, offset, complete, chunk);
    }

    private void send(Begun begun, long size, long resumedFrom) throws Exception {
        ArrayDeque<Transfers.InFlight> inFlight = new ArrayDeque<>();
        try (FileChannel source = FileChannel.open(file, StandardOpenOption.READ)) {
            long next = begun.offset();
            while (true) {
                Transfers.checkCancelled(result);
                while (inFlight.size() < Transfers.WINDOW && next < size) {
                    int length = (int) Math.min(begun.chunkBytes(), size - next);
                    byte[] data = read(source, next, length);
                    ObjectNode body = JsonNodeFactory.instance.objectNode().put("id", begun.id()).put("offset", next);
                    inFlight.add(new Transfers.InFlight(next, length, channel.request(AttachmentMessages.CHUNK, body, data)));
                    next += length;
                }
                Transfers.InFlight head = inFlight.poll();
                if (head == null) {
                    throw new ConfabException(ErrorCode.BAD_FRAME,
                            "the server stored all " + size + " bytes but did not report the upload complete");
                }
                Frame ok;
                try {
                    ok = Transfers.await(head.answer());
                } catch (ConfabException e) {
                    Transfers.drain(inFlight); // so the offset asked for next is the one the server ends at
                    if (e.code() == ErrorCode.CONFLICT) {
                        throw new OffsetMoved(e.getMessage());
                    }
                    throw e;
                }
                long stored = Transfers.longField(ok, "offset");
                if (stored != head.offset() + head.length()) {
                    Transfers.drain(inFlight);
                    throw new OffsetMoved("the server holds " + stored + " bytes, expected "
                            + (head.offset() + head.length()));
                }
                Transfers.report(progress, stored, size, resumedFrom);
                if (ok.body().path("complete").asBoolean(false)) {
                    return;
                }
            }
        }
    }

    private byte[] read(FileChannel source, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (source.read(buffer, position + buffer.position()) < 0) {
                throw new IOException(file + " became shorter while it was sent");
            }
        }
        return buffer.array();
    }
}
