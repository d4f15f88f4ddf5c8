package org.confab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.Socket;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.confab.protocol.Frame;
import org.confab.protocol.FrameCodec;
import org.confab.protocol.FrameReader;
import org.confab.protocol.FrameWriter;
import org.confab.protocol.Protocol;
import org.confab.protocol.ProtocolException;
import org.confab.protocol.Scram;
import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.Messages.AuthChallenge;
import org.confab.protocol.messages.Messages.AuthFinish;
import org.confab.protocol.messages.Messages.AuthStart;
import org.confab.protocol.messages.Messages.Hello;
import org.confab.protocol.messages.Messages.Register;

/**
 * A protocol client that speaks frames directly to the server product, one request at a time, for what
 * no command of the CLI does (an upload stopped at a chosen point). Pushes are skipped by
 * {@link #request}; {@link PushClient} reads every frame on a thread of its own instead.
 */
final class RawClient implements AutoCloseable {
    final FrameCodec codec = new FrameCodec();
    private final Socket socket;
    private final FrameWriter writer;
    private final FrameReader reader;
    private long rid;

    RawClient(ServerProcess server) throws Exception {
        this(server, "e2e-raw");
    }

    /** Connects and says hello as {@code clientName}. */
    RawClient(ServerProcess server, String clientName) throws Exception {
        socket = Tls.connect("127.0.0.1", server.port, server.fingerprint);
        // as the client library does: without it Nagle holds the tail of each chunk back for the peer's delayed ack
        socket.setTcpNoDelay(true);
        writer = new FrameWriter(socket.getOutputStream(), codec);
        reader = new FrameReader(socket.getInputStream(), codec);
        Frame ok = request(MessageTypes.HELLO, new Hello(Protocol.VERSION, clientName, List.of()));
        assertEquals("hello.ok", ok.type(), ok.toString());
    }

    Frame request(String type, Object body) throws Exception {
        return send(codec.frame(type, 0, body));
    }

    Frame requestWithData(String type, Object body, byte[] data) throws Exception {
        return send(codec.frame(type, 0, body).withData(data));
    }

    /** Sends under a fresh rid; a RATE_LIMITED answer is waited out and the request sent again, as clients must. */
    private Frame send(Frame request) throws Exception {
        while (true) {
            long id = nextRid();
            write(new Frame(request.type(), id, request.body(), request.data()));
            Frame answer = response(id);
            if (!MessageTypes.ERROR.equals(answer.type()) || !"RATE_LIMITED".equals(answer.body().path("code").asText())) {
                return answer;
            }
            Thread.sleep(1000L * Math.max(1, answer.body().path("retryAfterSeconds").asLong(1)));
        }
    }

    private Frame response(long wanted) throws Exception {
        while (true) {
            Optional<Frame> frame = read();
            if (frame.isEmpty()) {
                throw new IOException("the server closed the connection");
            }
            if (frame.get().rid() == wanted) {
                return frame.get();
            }
        }
    }

    /** A request id not used before on this connection. */
    synchronized long nextRid() {
        return ++rid;
    }

    /** Writes one frame as it is (its rid from {@link #nextRid}); for clients that read on a thread of their own. */
    void write(Frame frame) throws IOException {
        synchronized (writer) {
            writer.write(frame);
        }
    }

    /** The next frame from the server, answer or push; empty once the server closed the connection. */
    Optional<Frame> read() throws IOException, ProtocolException {
        return reader.read();
    }

    <T> T body(Frame frame, Class<T> type) throws Exception {
        return codec.read(frame, type);
    }

    void register(String username, String password) throws Exception {
        Frame ok = request(MessageTypes.REGISTER, new Register(username, password, username));
        assertEquals("account.register.ok", ok.type(), ok.toString());
    }

    void login(String username, String password) throws Exception {
        login(this::request, codec, username, password);
    }

    /** One request and its answer, however a client waits for it. */
    @FunctionalInterface
    interface Requests {
        Frame request(String type, Object body) throws Exception;
    }

    /** SCRAM-SHA-256 login through {@code requests}; fails unless the server accepts. */
    static void login(Requests requests, FrameCodec codec, String username, String password) throws Exception {
        String clientNonce = Scram.nonce();
        Frame start = requests.request(MessageTypes.AUTH_START, new AuthStart(username, clientNonce));
        assertEquals("auth.start.ok", start.type(), start.toString());
        AuthChallenge challenge = codec.read(start, AuthChallenge.class);
        byte[] salt = Base64.getDecoder().decode(challenge.salt());
        byte[] salted = Scram.saltedPassword(password, salt, challenge.iterations());
        String authMessage = Scram.authMessage(username, clientNonce, salt, challenge.iterations(), challenge.nonce());
        Frame ok = requests.request(MessageTypes.AUTH_FINISH,
                new AuthFinish(challenge.nonce(), Scram.base64(Scram.clientProof(salted, authMessage))));
        assertEquals("auth.finish.ok", ok.type(), ok.toString());
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
