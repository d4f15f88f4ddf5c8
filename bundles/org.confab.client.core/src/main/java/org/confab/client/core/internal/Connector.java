package org.confab.client.core.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.confab.client.core.ClientOptions;
import org.confab.client.core.ConfabConnectionException;
import org.confab.client.core.ConfabException;
import org.confab.client.core.ServerAddress;
import org.confab.protocol.ErrorCode;
import org.confab.protocol.Fingerprint;
import org.confab.protocol.Frame;
import org.confab.protocol.FrameCodec;
import org.confab.protocol.FrameReader;
import org.confab.protocol.FrameWriter;
import org.confab.protocol.Protocol;
import org.confab.protocol.ProtocolException;
import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.Messages.ErrorBody;
import org.confab.protocol.messages.Messages.Hello;
import org.confab.protocol.messages.Messages.HelloOk;

/**
 * Opens a TCP connection, secures it with TLS unless the options say plain, and performs the {@code hello} handshake, blocking the calling thread. The
 * handshake runs before any reader thread exists, with a socket read timeout, because nothing else may
 * happen on a connection until it is done and the frame limit it announces applies from then on.
 */
final class Connector {
    private static final int MAX_CACHED_CODECS = 8;
    private static final ConcurrentMap<Integer, FrameCodec> CODECS = new ConcurrentHashMap<>();

    private static final long HELLO_RID = 1;

    private final ClientOptions options;
    private final ClientRuntime runtime;

    Connector(ClientOptions options, ClientRuntime runtime) {
        this.options = options;
        this.runtime = runtime;
    }

    /**
     * A connection to {@code server} ready to {@link Connection#start start}.
     *
     * @throws ConfabConnectionException when the server cannot be reached or does not answer in time
     * @throws ConfabException when the server refuses the handshake
     */
    Connection open(ServerAddress server, Connection.Events events) {
        return open(server, Optional.empty(), events);
    }

    /**
     * @param vouched the fingerprint the cluster announced for this node (see {@link VouchedTrust})
     */
    Connection open(ServerAddress server, Optional<Fingerprint> vouched, Connection.Events events) {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            bindLocalAddress(socket);
            socket.connect(new InetSocketAddress(server.host(), server.port()),
                    (int) options.connectTimeout().toMillis());
            socket.setSoTimeout((int) options.connectTimeout().toMillis());
            Socket channel = options.trust().usesTls()
                    ? TlsConnector.secure(socket, server, VouchedTrust.of(options.trust(), vouched)) : socket;
            InputStream in = new BufferedInputStream(channel.getInputStream());
            FrameCodec initial = codec(Protocol.DEFAULT_MAX_FRAME_BYTES);
            // until hello.ok announces the limit, frames must fit the smallest limit a server may have
            FrameCodec beforeHello = codec(Protocol.MIN_MAX_FRAME_BYTES);
            new FrameWriter(channel.getOutputStream(), beforeHello).write(beforeHello.frame(MessageTypes.HELLO,
                    HELLO_RID, new Hello(Protocol.VERSION, options.clientName(), options.capabilities())));
            HelloOk hello = readHelloOk(new FrameReader(in, initial), initial);
            channel.setSoTimeout(0);
            FrameCodec codec = codec(clampFrameLimit(hello.maxFrameBytes()));
            PendingRequests pending = new PendingRequests(HELLO_RID, codec, runtime, options.requestTimeout());
            return new Connection(server, channel, new FrameReader(in, codec),
                    new FrameWriter(channel.getOutputStream(), codec), codec, hello, pending, events, runtime);
        } catch (SocketTimeoutException e) {
            closeQuietly(socket);
            throw new ConfabConnectionException("no answer from " + server + " within "
                    + options.connectTimeout().toMillis() + " ms", e);
        } catch (IOException e) {
            closeQuietly(socket);
            throw new ConfabConnectionException("cannot connect to " + server + ": "
                    + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(socket);
            throw e;
        }
    }

    /**
     * Binds the socket to the chosen source address with an ephemeral port, so the connection comes
     * from there; without one, connect picks both. The failure names the address: "cannot assign
     * requested address" alone does not say which of the two ends was wrong.
     */
    private void bindLocalAddress(Socket socket) throws IOException {
        InetAddress local = options.localAddress();
        if (local == null) {
            return;
        }
        try {
            socket.bind(new InetSocketAddress(local, 0));
        } catch (IOException e) {
            BindException failure = new BindException("cannot use local address " + local.getHostAddress() + " ("
                    + e.getMessage() + ")");
            failure.initCause(e);
            throw failure;
        }
    }

    private static HelloOk readHelloOk(FrameReader reader, FrameCodec codec) throws IOException {
        try {
            Frame answer = reader.read().orElseThrow(
                    () -> new IOException("server closed the connection during the handshake"));
            if (answer.type().equals(MessageTypes.ERROR)) {
                ErrorBody error = codec.read(answer, ErrorBody.class);
                throw new ConfabException(ErrorCode.fromWire(error.code()), String.valueOf(error.message()));
            }
            if (!answer.type().equals(MessageTypes.ok(MessageTypes.HELLO)) || answer.rid() != HELLO_RID) {
                throw new ConfabException(ErrorCode.BAD_FRAME, "expected hello.ok, server sent " + answer.type());
            }
            return codec.read(answer, HelloOk.class);
        } catch (ProtocolException e) {
            throw new ConfabException(e.code(), "bad handshake answer: " + e.getMessage());
        }
    }

    /**
     * A codec for a frame limit, shared by every connection in the process: building one (a Jackson
     * mapper and its serializer caches) cost more than the rest of a login. Codecs are thread-safe; a
     * server announcing ever new limits gets fresh, uncached ones.
     */
    static FrameCodec codec(int maxFrameBytes) {
        FrameCodec cached = CODECS.get(maxFrameBytes);
        if (cached != null) {
            return cached;
        }
        return CODECS.size() < MAX_CACHED_CODECS ? CODECS.computeIfAbsent(maxFrameBytes, FrameCodec::new)
                : new FrameCodec(maxFrameBytes);
    }

    /** The server's frame limit, kept within what any implementation must accept. */
    static int clampFrameLimit(int announced) {
        return Math.max(Protocol.MIN_MAX_FRAME_BYTES, Math.min(Protocol.HARD_MAX_FRAME_BYTES, announced));
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing more to do with a socket we are abandoning
        }
    }
}
