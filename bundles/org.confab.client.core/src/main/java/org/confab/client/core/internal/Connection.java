package org.confab.client.core.internal;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import org.confab.client.core.ConfabConnectionException;
import org.confab.client.core.ConfabException;
import org.confab.client.core.ServerAddress;
import org.confab.protocol.ErrorCode;
import org.confab.protocol.Frame;
import org.confab.protocol.FrameCodec;
import org.confab.protocol.FrameReader;
import org.confab.protocol.FrameWriter;
import org.confab.protocol.ProtocolException;
import org.confab.protocol.messages.Messages.HelloOk;

/**
 * One handshaken TCP connection to a server: writes requests in order on a writer of its own, and on
 * its own reader thread matches answers to them and hands pushes on. {@link #close} only records why and closes the socket; the
 * reader thread then fails what is pending and reports the end exactly once through
 * {@link Events#onClosed}, so the owner's callbacks never run inside a writer's locks.
 */
final class Connection {
    private static final System.Logger LOG = System.getLogger(Connection.class.getName());

    /** What the connection reports to its owner, always from its reader thread. */
    interface Events {
        void onPush(Connection connection, Frame push);

        void onClosed(Connection connection, String reason);
    }

    private final ServerAddress server;
    private final Socket socket;
    private final FrameReader reader;
    private final FrameWriter writer;
    private final FrameCodec codec;
    private final HelloOk hello;
    private final PendingRequests pending;
    private final Events events;
    private final SerialExecutor writes;
    private final AtomicReference<String> closeReason = new AtomicReference<>();
    private volatile long lastSentNanos = System.nanoTime();

    Connection(ServerAddress server, Socket socket, FrameReader reader, FrameWriter writer, FrameCodec codec, HelloOk hello,
            PendingRequests pending, Events events, ClientRuntime runtime) {
        this.server = server;
        this.socket = socket;
        this.reader = reader;
        this.writer = writer;
        this.codec = codec;
        this.hello = hello;
        this.pending = pending;
        this.events = events;
        this.writes = new SerialExecutor(runtime.io());
    }

    /** Starts the reader thread and, if the server asks for them, heartbeats. */
    void start(ClientRuntime runtime) {
        runtime.startThread(this::readLoop);
        if (hello.heartbeatSeconds() > 0) {
            new Heartbeat(this, runtime, Duration.ofSeconds(hello.heartbeatSeconds())).start();
        }
    }

    /** The server (cluster node) at the other end. */
    ServerAddress server() {
        return server;
    }

    HelloOk hello() {
        return hello;
    }

    /**
     * Sends a request; the future completes with the {@code .ok} frame or fails. Never blocks: the frame
     * is written by the connection's writer, in call order, so neither callers (a UI thread, a lock
     * holder) nor the reader thread ever wait on a full socket buffer.
     */
    CompletableFuture<Frame> request(String type, Object body) {
        return requestWithData(type, body, null);
    }

    /**
     * Sends a request that may carry binary data (a binary frame, protocol version 2); the future
     * completes with the whole answer frame, its data included. {@code data} is handed over, not copied.
     */
    CompletableFuture<Frame> requestWithData(String type, Object body, byte[] data) {
        PendingRequests.Registration request = pending.register(type);
        if (request.answer().isDone()) {
            return request.answer();
        }
        Frame frame = codec.frame(type, request.rid(), body);
        byte[] payload = codec.encode(data == null ? frame : frame.withData(data));
        if (payload.length > codec.maxFrameBytes()) {
            // Refused here rather than by the writer, which would cost the connection; resending after a
            // reconnect could never succeed.
            pending.fail(request.rid(), tooLarge(type, payload));
            return request.answer();
        }
        writes.execute(() -> write(type, request.rid(), payload));
        return request.answer();
    }

    /**
     * Sends a notification: a frame without rid, which the server answers only if it fails (with an
     * {@code error} push). Used for automatic {@code chat.ack}s, as the protocol intends.
     */
    void sendNotification(String type, Object body) {
        byte[] payload = codec.encode(codec.frame(type, 0, body));
        if (payload.length > codec.maxFrameBytes()) {
            throw tooLarge(type, payload);
        }
        writes.execute(() -> write(type, 0, payload));
    }

    private ConfabException tooLarge(String type, byte[] payload) {
        return new ConfabException(ErrorCode.FRAME_TOO_LARGE, type + " needs " + payload.length
                + " bytes; the server accepts at most " + codec.maxFrameBytes());
    }

    private void write(String type, long rid, byte[] payload) {
        try {
            if (!isOpen()) {
                throw new IOException("connection closed: " + closeReason.get());
            }
            writer.writePayload(payload);
            lastSentNanos = System.nanoTime();
        } catch (IOException e) {
            pending.fail(rid, new ConfabConnectionException("could not send " + type + ": " + e.getMessage(), e));
            close("write failed: " + e.getMessage());
        }
    }

    /** Sends a request and decodes its answer as {@code answerType}. */
    <T> CompletableFuture<T> request(String type, Object body, Class<T> answerType) {
        return request(type, body).thenApply(frame -> read(frame, answerType));
    }

    /** Decodes a frame's body; a malformed body from the server is a {@link ConfabException}. */
    <T> T read(Frame frame, Class<T> type) {
        try {
            return codec.read(frame, type);
        } catch (ProtocolException e) {
            throw new ConfabException(e.code(), "server sent a malformed " + frame.type() + ": " + e.getMessage());
        }
    }

    /** Time since we last wrote a frame. */
    Duration idleTime() {
        return Duration.ofNanos(System.nanoTime() - lastSentNanos);
    }

    boolean isOpen() {
        return closeReason.get() == null;
    }

    Optional<String> closeReason() {
        return Optional.ofNullable(closeReason.get());
    }

    /** Closes the socket; the first reason given is the one reported. Idempotent. */
    void close(String reason) {
        if (closeReason.compareAndSet(null, reason)) {
            try {
                socket.close();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "closing socket failed", e);
            }
        }
    }

    private void readLoop() {
        String reason = "server closed the connection";
        try {
            while (isOpen()) {
                Optional<Frame> frame = readNext();
                if (frame.isEmpty()) {
                    break;
                }
                dispatch(frame.get());
            }
        } catch (IOException | ProtocolException e) {
            reason = "connection lost: " + e.getMessage();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "reader thread failed", e);
            reason = "client error: " + e;
        }
        close(reason);
        String finalReason = closeReason.get();
        pending.failAll(new ConfabConnectionException(finalReason));
        events.onClosed(this, finalReason);
    }

    /** The next frame; skips (and logs) frames that are well-delimited but not valid JSON. */
    private Optional<Frame> readNext() throws IOException, ProtocolException {
        while (true) {
            try {
                return reader.read();
            } catch (ProtocolException e) {
                if (e.isFatal()) {
                    throw e;
                }
                LOG.log(System.Logger.Level.WARNING, "ignoring unreadable frame from server: {0}", e.getMessage());
            }
        }
    }

    private void dispatch(Frame frame) {
        if (frame.rid() != 0) {
            if (!pending.complete(frame)) {
                LOG.log(System.Logger.Level.DEBUG, "answer {0} for unknown or expired request {1}", frame.type(),
                        frame.rid());
            }
            return;
        }
        events.onPush(this, frame);
    }
}
