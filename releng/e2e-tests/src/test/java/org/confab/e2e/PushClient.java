package org.confab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.confab.protocol.Frame;
import org.confab.protocol.FrameCodec;
import org.confab.protocol.FrameReader;
import org.confab.protocol.FrameWriter;
import org.confab.protocol.Protocol;
import org.confab.protocol.Scram;
import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.Messages.AuthChallenge;
import org.confab.protocol.messages.Messages.AuthFinish;
import org.confab.protocol.messages.Messages.AuthStart;
import org.confab.protocol.messages.Messages.Hello;

/**
 * A protocol client that keeps every push it receives (a reader thread), for tests that watch what
 * reaches a user: chat messages, presence, typing, the closing of the session.
 */
final class PushClient implements AutoCloseable {
    final FrameCodec codec = new FrameCodec();
    private final Socket socket;
    private final FrameWriter writer;
    private final Map<Long, CompletableFuture<Frame>> waiting = new ConcurrentHashMap<>();
    private final List<Frame> pushes = new ArrayList<>();
    private long rid;

    PushClient(ServerProcess server) throws Exception {
        socket = Tls.connect("127.0.0.1", server.port, server.fingerprint);
        socket.setTcpNoDelay(true);
        writer = new FrameWriter(socket.getOutputStream(), codec);
        FrameReader reader = new FrameReader(socket.getInputStream(), codec);
        Thread.ofVirtual().start(() -> read(reader));
        Frame ok = request(MessageTypes.HELLO, new Hello(Protocol.VERSION, "e2e-push", List.of()));
        assertEquals("hello.ok", ok.type(), ok.toString());
    }

    private void read(FrameReader reader) {
        try {
            for (Optional<Frame> frame = reader.read(); frame.isPresent(); frame = reader.read()) {
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

    private boolean closed;

    Frame request(String type, Object body) throws Exception {
        long id;
        CompletableFuture<Frame> answer = new CompletableFuture<>();
        synchronized (this) {
            id = ++rid;
            waiting.put(id, answer);
            writer.write(codec.frame(type, id, body));
        }
        return answer.get(60, TimeUnit.SECONDS);
    }

    /** Sends without waiting for the answer (pipelined load); the answer arrives as {@link #answer}. */
    synchronized CompletableFuture<Frame> send(String type, Object body) throws IOException {
        CompletableFuture<Frame> answer = new CompletableFuture<>();
        long id = ++rid;
        waiting.put(id, answer);
        writer.write(codec.frame(type, id, body));
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
        String clientNonce = Scram.nonce();
        Frame start = request(MessageTypes.AUTH_START, new AuthStart(username, clientNonce));
        assertEquals("auth.start.ok", start.type(), start.toString());
        AuthChallenge challenge = codec.read(start, AuthChallenge.class);
        byte[] salt = Base64.getDecoder().decode(challenge.salt());
        byte[] salted = Scram.saltedPassword(password, salt, challenge.iterations());
        String authMessage = Scram.authMessage(username, clientNonce, salt, challenge.iterations(), challenge.nonce());
        Frame ok = request(MessageTypes.AUTH_FINISH,
                new AuthFinish(challenge.nonce(), Scram.base64(Scram.clientProof(salted, authMessage))));
        assertEquals("auth.finish.ok", ok.type(), ok.toString());
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
