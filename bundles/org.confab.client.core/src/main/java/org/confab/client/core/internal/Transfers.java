package org.confab.client.core.internal;

import java.util.ArrayDeque;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import org.confab.client.core.ConfabConnectionException;
import org.confab.client.core.ConfabException;
import org.confab.client.core.TransferProgress;
import org.confab.protocol.ErrorCode;
import org.confab.protocol.Frame;
import org.confab.protocol.Protocol;
import org.confab.protocol.messages.AttachmentMessages;

/** What uploads and downloads share: the window, waiting on answers, retry rules, progress. */
final class Transfers {
    /** Chunks on the way before waiting for the first answer: the protocol allows 8. */
    static final int WINDOW = AttachmentMessages.MAX_PIPELINE;
    /** Chunk size asked for when downloading: the server's default, which it may lower. */
    static final int PREFERRED_CHUNK_BYTES = 256 << 10;
    /** Failures in a row, without progress in between, after which a transfer gives up. */
    static final int MAX_RETRIES = 10;

    private Transfers() {
    }

    /** One request on the way: where its bytes start, how many, and its answer. */
    record InFlight(long offset, int length, CompletableFuture<Frame> answer) {
    }

    /** The largest data a frame may carry: the frame limit less the room a header may take. */
    static int maxChunk(AttachmentChannel channel) {
        return Math.max(1, channel.maxFrameBytes() - Protocol.MAX_BINARY_HEADER_BYTES - 3);
    }

    static String requireId(String id) {
        if (!AttachmentMessages.isValidId(id)) {
            throw new IllegalArgumentException("not an attachment id: " + id);
        }
        return id;
    }

    /** The answer, or the failure unwrapped: a {@link ConfabException}, a connection failure, a timeout. */
    static Frame await(CompletableFuture<Frame> answer) throws Exception {
        try {
            return answer.get();
        } catch (ExecutionException e) {
            Throwable cause = Failures.unwrap(e);
            if (cause instanceof Exception exception) {
                throw exception;
            }
            throw e;
        }
    }

    /** Waits until every request still on the way is answered, whatever the answer. */
    static void drain(ArrayDeque<InFlight> inFlight) throws InterruptedException {
        for (InFlight request : inFlight) {
            try {
                request.answer().get();
            } catch (ExecutionException e) {
                // answered, which is all that matters here
            }
        }
        inFlight.clear();
    }

    /** Whether the failure is one a retry after reconnecting can cure. */
    static boolean retryable(Exception e) {
        return e instanceof ConfabConnectionException || e instanceof TimeoutException
                || e instanceof ConfabException c && (c.code() == ErrorCode.RATE_LIMITED
                        || c.code() == ErrorCode.STORAGE_UNAVAILABLE);
    }

    /**
     * How long to wait before retrying: a second after {@code RATE_LIMITED} (the server's budget refills
     * within one; a transfer faster than the bulk rate class meets it routinely), otherwise a little
     * longer after each failure in a row.
     */
    static long pause(Exception e, int retries) {
        if (e instanceof ConfabException c && c.code() == ErrorCode.RATE_LIMITED) {
            return 1000;
        }
        return 100L * retries;
    }

    static void checkCancelled(CompletableFuture<?> result) {
        if (result.isCancelled()) {
            throw new CancellationException("transfer cancelled");
        }
    }

    static void report(TransferProgress progress, long done, long total, long resumedFrom) {
        try {
            progress.update(done, total, resumedFrom);
        } catch (RuntimeException e) {
            System.getLogger(Transfers.class.getName()).log(System.Logger.Level.WARNING,
                    "a progress listener failed; the transfer goes on", e);
        }
    }

    static long longField(Frame frame, String name) {
        var node = frame.body().get(name);
        if (node == null || !node.canConvertToLong() || !node.isIntegralNumber()) {
            throw new ConfabException(ErrorCode.BAD_FRAME, frame.type() + " lacks the integer field '" + name + "'");
        }
        return node.longValue();
    }

    static String textField(Frame frame, String name) {
        var node = frame.body().get(name);
        if (node == null || !node.isTextual()) {
            throw new ConfabException(ErrorCode.BAD_FRAME, frame.type() + " lacks the text field '" + name + "'");
        }
        return node.textValue();
    }
}
