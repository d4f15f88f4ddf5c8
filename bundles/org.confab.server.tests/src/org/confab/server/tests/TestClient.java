package org.confab.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.confab.protocol.Frame;
import org.confab.protocol.FrameCodec;
import org.confab.protocol.FrameReader;
import org.confab.protocol.FrameWriter;
import org.confab.protocol.Protocol;
import org.confab.protocol.Scram;
import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.Messages.AuthChallenge;
import org.confab.protocol.messages.Messages.AuthFinish;
import org.confab.protocol.messages.Messages.AuthOk;
import org.confab.protocol.messages.Messages.AuthStart;
import org.confab.protocol.messages.Messages.Hello;

/**
 * A deliberately raw protocol client for the tests: it speaks frames directly, so the tests check
 * the wire contract itself (and can send what a well-behaved client library never would). It speaks
 * TLS, trusting the server's own certificate by its fingerprint.
 */
final class TestClient implements AutoCloseable {
    static final long WAIT_MILLIS = 10_000;

    final FrameCodec codec = new FrameCodec();
    final Socket socket;
    private final FrameWriter writer;
    /** Frames not yet taken by the test; guarded by itself, which the reader notifies on every frame. */
    private final List<Frame> received = new ArrayList<>();
    private final AtomicLong rids = new AtomicLong();
    private final Thread reader;
    private volatile boolean closedByServer;
    private volatile boolean stopReading;

    TestClient(InetSocketAddress server) throws Exception {
        this(server, null);
    }

    /** A client whose connection comes from {@code local}, another loopback address such as 127.0.0.7. */
    TestClient(InetSocketAddress server, InetAddress local) throws Exception {
        this(server, local, 0);
    }

    /** A client with a small TCP receive buffer, so that a client that stops reading backs up quickly. */
    TestClient(InetSocketAddress server, InetAddress local, int receiveBuffer) throws Exception {
        socket = PinnedTls.connect(server, local, ServerTestSupport.fingerprint(), receiveBuffer);
        writer = new FrameWriter(socket.getOutputStream(), codec);
        FrameReader frames = new FrameReader(socket.getInputStream(), codec);
        reader = Thread.ofVirtual().start(() -> {
            try {
                Optional<Frame> frame;
                while (!stopReading && (frame = frames.read()).isPresent()) {
                    synchronized (received) {
                        received.add(frame.get());
                        received.notifyAll();
                    }
                }
                if (stopReading) {
                    return; // a slow reader: the server's frames pile up in the socket
                }
            } catch (Exception e) {
                // connection ended; tests observe it through isClosedByServer()
            }
            closedByServer = true;
        });
    }

    static TestClient connected(InetSocketAddress server) throws Exception {
        return connected(server, null);
    }

    static TestClient connected(InetSocketAddress server, InetAddress local) throws Exception {
        return connected(server, local, Protocol.VERSION);
    }

    /** A client that speaks an older protocol version, as an old client would. */
    static TestClient connected(InetSocketAddress server, InetAddress local, int version) throws Exception {
        TestClient client = new TestClient(server, local);
        client.hello(version);
        return client;
    }

    /** A client that said hello with protocol {@code version}. */
    static TestClient connected(InetSocketAddress server, int version) throws Exception {
        return connected(server, null, version);
    }

    /** The handshake; returns the {@code hello.ok}. */
    Frame hello(int version) throws Exception {
        Frame ok = request(MessageTypes.HELLO, new Hello(version, "server-tests", List.of()));
        assertEquals("hello.ok", ok.type(), ok.toString());
        assertEquals(version, ok.body().get("version").intValue(), "the server answers with the client's version");
        return ok;
    }

    /** Sends a request and returns its response (ok or error), skipping pushes into the queue. */
    Frame request(String type, Object body) throws Exception {
        long rid = rids.incrementAndGet();
        writer.write(codec.frame(type, rid, body));
        return awaitResponse(rid);
    }

    /** Sends a binary frame (the body is its header, {@code data} follows) and returns the response. */
    Frame requestWithData(String type, Object body, byte[] data) throws Exception {
        return awaitResponse(sendRequestWithData(type, body, data));
    }

    /** Sends a binary frame without waiting; collect the answer with {@link #response}. */
    long sendRequestWithData(String type, Object body, byte[] data) throws IOException {
        long rid = rids.incrementAndGet();
        writer.write(codec.frame(type, rid, body).withData(data));
        return rid;
    }

    Frame request(String type) throws Exception {
        long rid = rids.incrementAndGet();
        writer.write(Frame.of(type, rid));
        return awaitResponse(rid);
    }

    boolean isOpenForTest() {
        return !socket.isClosed();
    }

    /** Stops reading after the frame in progress, like a client that hangs; nothing tells the server. */
    void stopReading() {
        stopReading = true;
    }

    /** Sends a request without waiting; collect the answer with {@link #response}. */
    long sendRequest(String type, Object body) throws IOException {
        long rid = rids.incrementAndGet();
        writer.write(codec.frame(type, rid, body));
        return rid;
    }

    Frame response(long rid) throws InterruptedException {
        return awaitResponse(rid);
    }

    void sendRaw(byte[] bytes) throws IOException {
        // one stream for write and flush: the server may answer bytes it refuses (a bad length) at once
        // with a TLS close, after which a second getOutputStream() already reports the output shut down
        OutputStream out = socket.getOutputStream();
        out.write(bytes);
        out.flush();
    }

    void sendPayload(byte[] payload) throws IOException {
        writer.writePayload(payload);
    }

    void send(String type, Object body) throws IOException {
        writer.write(codec.frame(type, 0, body));
    }

    private Frame awaitResponse(long rid) throws InterruptedException {
        return take(frame -> frame.rid() == rid, WAIT_MILLIS, true)
                .orElseThrow(() -> new AssertionError("no response to request " + rid + "; received " + received));
    }

    /** The next frame of {@code type} (pushes or unsolicited errors), waiting up to the test timeout. */
    Frame await(String type) throws InterruptedException {
        return take(frame -> frame.type().equals(type), WAIT_MILLIS, true)
                .orElseThrow(() -> new AssertionError("no " + type + " frame; received " + received));
    }

    /** The next frame of {@code type}, waiting up to {@code millis}. */
    Frame await(String type, long millis) throws InterruptedException {
        return take(frame -> frame.type().equals(type), millis, true)
                .orElseThrow(() -> new AssertionError("no " + type + " frame within " + millis + " ms; received " + received));
    }

    /** Waits for the first frame matching {@code wanted} and removes it from the queue. */
    Frame await(String what, java.util.function.Predicate<Frame> wanted, long millis) throws InterruptedException {
        return take(wanted, millis, true)
                .orElseThrow(() -> new AssertionError("no " + what + " within " + millis + " ms; received " + received));
    }

    /** Whether a frame matching {@code wanted} has arrived and is still in the queue (not waiting, not removing). */
    boolean holds(java.util.function.Predicate<Frame> wanted) {
        synchronized (received) {
            return received.stream().anyMatch(wanted);
        }
    }

    /** The next frame the server sent, whatever it is, in the order it arrived. */
    Frame next() throws InterruptedException {
        return take(frame -> true, WAIT_MILLIS, true)
                .orElseThrow(() -> new AssertionError("no frame within " + WAIT_MILLIS + " ms"));
    }

    /** Whether a frame of {@code type} arrives within {@code millis} (it stays queued). */
    boolean receives(String type, long millis) throws InterruptedException {
        return take(frame -> frame.type().equals(type), millis, false).isPresent();
    }

    /** Waits on the reader's notifications (no polling) for a frame matching {@code wanted}. */
    private Optional<Frame> take(java.util.function.Predicate<Frame> wanted, long millis, boolean remove)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        synchronized (received) {
            while (true) {
                for (Frame frame : received) {
                    if (wanted.test(frame)) {
                        if (remove) {
                            received.remove(frame);
                        }
                        return Optional.of(frame);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return Optional.empty();
                }
                TimeUnit.NANOSECONDS.timedWait(received, left);
            }
        }
    }

    <T> T body(Frame frame, Class<T> type) throws Exception {
        return codec.read(frame, type);
    }

    /** Full SCRAM login; returns the final response (auth.finish.ok or error). */
    Frame login(String username, String password) throws Exception {
        String clientNonce = Scram.nonce();
        Frame challengeFrame = request(MessageTypes.AUTH_START, new AuthStart(username, clientNonce));
        assertEquals("auth.start.ok", challengeFrame.type(), challengeFrame.toString());
        AuthChallenge challenge = body(challengeFrame, AuthChallenge.class);
        assertTrue(challenge.nonce().startsWith(clientNonce));
        byte[] salt = Base64.getDecoder().decode(challenge.salt());
        byte[] salted = Scram.saltedPassword(password, salt, challenge.iterations());
        String authMessage = Scram.authMessage(username, clientNonce, salt, challenge.iterations(), challenge.nonce());
        Frame result = request(MessageTypes.AUTH_FINISH,
                new AuthFinish(challenge.nonce(), Scram.base64(Scram.clientProof(salted, authMessage))));
        if (result.type().equals("auth.finish.ok")) {
            AuthOk ok = body(result, AuthOk.class);
            assertNotNull(ok.serverSignature());
            assertEquals(Scram.base64(Scram.serverSignature(Scram.serverKey(salted), authMessage)), ok.serverSignature(),
                    "the server proves it holds the verifier");
        }
        return result;
    }

    /** Whether the server closed the connection within {@code millis}. */
    boolean closedWithin(long millis) throws InterruptedException {
        reader.join(millis);
        return closedByServer;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
