package org.confab.e2e;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.confab.protocol.Frame;
import org.confab.protocol.FrameCodec;

/**
 * A protocol client that keeps every push it receives (a reader thread), for tests that watch what
 * reaches a user: chat messages, presence, typing, the closing of the session. The connection and its
 * frames are a {@link RawClient}'s; this class only reads them on its own thread.
 */
final class PushClient implements AutoCloseable {
    final FrameCodec codec;
    private final RawClient connection;
    private final Map<Long, CompletableFuture<Frame>> waiting = new ConcurrentHashMap<>();
    private final List<Frame> pushes = new ArrayList<>();
    private boolean closed;

    PushClient(ServerProcess server) throws Exception {
        connection = new RawClient(server, "e2e-push"); // says hello before the reader starts: no push comes earlier
        codec = connection.codec;
        Thread.ofVirtual().start(this::read);
    }

    private void read() {
        try {
            for (Optional<Frame> frame = connection.read(); frame.isPresent(); frame = connection.read()) {
                CompletableFuture<Frame> answer = frame.get().rid() == 0 ? null : waiting.remove(frame.get().rid());
                if (answer != null) {
                    answer.complete(frame.get());
                } else {
                    synchronized (pushes) {
                        pushes.add(frame.get());
                        pushes.notifyAll();
                    }
                }
            }
        } catch (Exception e) {
            // the connection ended; whoever waits learns it from the closed flag
        }
        synchronized (pushes) {
            closed = true;
            pushes.notifyAll();
        }
        waiting.values().forEach(f -> f.completeExceptionally(new IOException("connection closed")));
    }

    Frame request(String type, Object body) throws Exception {
        return send(type, body).get(60, TimeUnit.SECONDS);
    }

    /** Sends without waiting for the answer (pipelined load); the answer completes the future. */
    synchronized CompletableFuture<Frame> send(String type, Object body) throws IOException {
        CompletableFuture<Frame> answer = new CompletableFuture<>();
        long id = connection.nextRid();
        waiting.put(id, answer);
        connection.write(codec.frame(type, id, body));
        return answer;
    }

    /** Waits for a push of {@code type} that matches; fails after {@code seconds}. */
    Frame awaitPush(String type, Predicate<Frame> matching, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        synchronized (pushes) {
            while (true) {
                for (Frame frame : pushes) {
                    if (frame.type().equals(type) && matching.test(frame)) {
                        return frame;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || closed && !type.equals("session.closed")) {
                    throw new AssertionError("no " + type + " push within " + seconds + " s" + (closed ? " (closed)" : "")
                            + "; got " + pushes);
                }
                TimeUnit.NANOSECONDS.timedWait(pushes, left);
            }
        }
    }

    /** Every push of {@code type} so far, in arrival order. */
    List<Frame> pushes(String type) {
        synchronized (pushes) {
            return pushes.stream().filter(f -> f.type().equals(type)).toList();
        }
    }

    void login(String username, String password) throws Exception {
        RawClient.login(this::request, codec, username, password);
    }

    @Override
    public void close() throws IOException {
        connection.close();
    }
}
