package org.confab.client.core.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.confab.client.core.AttachmentInfo;
import org.confab.client.core.ConnectionState;
import org.confab.client.core.TransferProgress;
import org.confab.client.core.UploadedAttachment;
import org.confab.protocol.Frame;
import org.confab.protocol.Protocol;
import org.confab.protocol.messages.AttachmentMessages;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Starts uploads and downloads on the client's connection, each on a thread of its own. Public only so
 * {@link org.confab.client.core.AttachmentClient} can reach it.
 */
public final class AttachmentTransfers {
    private static final Duration POLL = Duration.ofMillis(100);

    private final ClientEngine engine;
    private final AttachmentChannel channel;

    public AttachmentTransfers(ClientEngine engine) {
        this.engine = engine;
        this.channel = new AttachmentChannel() {
            @Override
            public CompletableFuture<Frame> request(String type, ObjectNode body, byte[] data) {
                return engine.requestFrame(type, body, data);
            }

            @Override
            public boolean awaitLoggedIn() throws InterruptedException {
                return AttachmentTransfers.this.awaitLoggedIn();
            }

            @Override
            public int maxFrameBytes() {
                return engine.maxFrameBytes().orElse(Protocol.DEFAULT_MAX_FRAME_BYTES);
            }
        };
    }

    public CompletableFuture<UploadedAttachment> upload(Path file, String name, String mediaType,
            TransferProgress progress) {
        CompletableFuture<UploadedAttachment> result = new CompletableFuture<>();
        engine.startThread(new Upload(channel, file, name, mediaType, progress, result));
        return result;
    }

    public CompletableFuture<Path> download(String id, Path folder, TransferProgress progress) {
        CompletableFuture<Path> result = new CompletableFuture<>();
        engine.startThread(new Download(channel, id, folder, progress, result));
        return result;
    }

    /** The part file a download of {@code id} into {@code folder} uses. */
    public static Path partFile(Path folder, String id) {
        return Download.partFile(folder, id);
    }

    public CompletableFuture<AttachmentInfo> info(String id) {
        CompletableFuture<AttachmentInfo> result = new CompletableFuture<>();
        Transfers.requireId(id);
        engine.startThread(() -> {
            try {
                result.complete(AttachmentRequests.info(channel, id));
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    public CompletableFuture<Void> delete(String id) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("id", Transfers.requireId(id));
        return engine.request(AttachmentMessages.DELETE, body).thenApply(answer -> null);
    }

    /**
     * Waits while the client reconnects and logs in again, at most two request timeouts plus the longest
     * reconnect delay; false at once when it is not trying (closed, logged out, kicked).
     */
    private boolean awaitLoggedIn() throws InterruptedException {
        Duration patience = engine.options().requestTimeout().multipliedBy(2).plus(engine.options().reconnectMaxDelay());
        long deadline = System.nanoTime() + patience.toNanos();
        while (!engine.isLoggedIn()) {
            if (engine.state() == ConnectionState.DISCONNECTED || System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(POLL.toMillis());
        }
        return true;
    }
}
