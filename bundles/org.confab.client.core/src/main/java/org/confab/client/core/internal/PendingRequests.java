package org.confab.client.core.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.confab.client.core.ConfabConnectionException;
import org.confab.client.core.ConfabException;
import org.confab.protocol.ErrorCode;
import org.confab.protocol.Frame;
import org.confab.protocol.FrameCodec;
import org.confab.protocol.ProtocolException;
import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.Messages.ErrorBody;

/**
 * The requests of one connection still waiting for their answer, keyed by request id. Matches answers
 * to requests, turns {@code error} frames into {@link ConfabException}s and fails requests that get no
 * answer within the timeout. Thread-safe.
 */
final class PendingRequests {
    private record Pending(String type, CompletableFuture<Frame> answer) {
    }

    /** A registered request: the id to put in its frame and the future its answer completes. */
    record Registration(long rid, CompletableFuture<Frame> answer) {
    }

    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicLong lastRid;
    private final FrameCodec codec;
    private final ClientRuntime runtime;
    private final Duration timeout;

    /** @param lastRid the highest request id already used on this connection (the handshake's) */
    PendingRequests(long lastRid, FrameCodec codec, ClientRuntime runtime, Duration timeout) {
        this.lastRid = new AtomicLong(lastRid);
        this.codec = codec;
        this.runtime = runtime;
        this.timeout = timeout;
    }

    Registration register(String type) {
        long rid = lastRid.incrementAndGet();
        CompletableFuture<Frame> answer = new CompletableFuture<>();
        pending.put(rid, new Pending(type, answer));
        runtime.schedule(() -> fail(rid, new TimeoutException(
                "no answer to " + type + " within " + timeout.toMillis() + " ms")), timeout)
                .ifPresentOrElse(timer -> answer.whenComplete((frame, error) -> timer.cancel(false)),
                        () -> fail(rid, new ConfabConnectionException("client is closed")));
        return new Registration(rid, answer);
    }

    /** Completes the request {@code response} answers; false when no request has its id. */
    boolean complete(Frame response) {
        Pending request = pending.remove(response.rid());
        if (request == null) {
            return false;
        }
        if (response.type().equals(MessageTypes.ok(request.type()))) {
            request.answer().complete(response);
        } else if (response.type().equals(MessageTypes.ERROR)) {
            request.answer().completeExceptionally(toException(response));
        } else {
            request.answer().completeExceptionally(new ConfabException(ErrorCode.BAD_FRAME,
                    "server answered " + request.type() + " with " + response.type()));
        }
        return true;
    }

    void fail(long rid, Throwable cause) {
        Pending request = pending.remove(rid);
        if (request != null) {
            request.answer().completeExceptionally(cause);
        }
    }

    void failAll(Throwable cause) {
        for (Long rid : List.copyOf(pending.keySet())) {
            fail(rid, cause);
        }
    }

    private ConfabException toException(Frame error) {
        try {
            ErrorBody body = codec.read(error, ErrorBody.class);
            String message = body.message() == null ? "" : body.message();
            return new ConfabException(ErrorCode.fromWire(body.code()), body.code(), message);
        } catch (ProtocolException e) {
            return new ConfabException(ErrorCode.INTERNAL, "server sent a malformed error: " + e.getMessage());
        }
    }
}
