package org.confab.client.core;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.SSLContext;

import org.confab.protocol.Frame;
import org.confab.protocol.FrameCodec;
import org.confab.protocol.Scram;
import org.confab.protocol.messages.Messages.ChatMessage;

/**
 * A small in-process Confab server on a real loopback socket (plain, or TLS with a
 * certificate of {@link TestCertificate}), speaking the wire protocol through the
 * protocol bundle's codec. It implements just enough of the server (handshake, SCRAM, register,
 * send/ack, presence, history, logout, administration through {@link FakeAdmin}, and plugin types through
 * {@link #pluginHandlers}) for client tests,
 * records what it receives, and has switches
 * to misbehave: ignore a request type, forge the login signature or nonce, drop the connection after
 * storing a message, hold new connections before the handshake, stop reading.
 */
final class FakeServer implements AutoCloseable {
    static final long WAIT_SECONDS = 5;
    static final int RECEIVE_BUFFER_BYTES = 64 * 1024;

    record User(String name, String displayName, Scram.Credentials credentials) {
    }

    record Stored(long messageId, long timestamp) {
    }

    /** Answers a request of a type the fake does not know itself, like a server plugin's handler. */
    @FunctionalInterface
    interface PluginHandler {
        void handle(FakeSession session, Frame request) throws IOException;
    }

    final FrameCodec codec = new FrameCodec();
    final Map<String, User> users = new ConcurrentHashMap<>();
    /** Stored messages by client message id, so a resend is recognised. */
    final Map<String, Stored> storedByClientId = new ConcurrentHashMap<>();
    final List<ChatMessage> storedMessages = new CopyOnWriteArrayList<>();
    final AtomicLong nextMessageId = new AtomicLong(100);
    /** Messages pushed to a user right after each login, like an offline backlog. */
    final List<ChatMessage> backlog = new CopyOnWriteArrayList<>();
    final Set<String> ignoredTypes = ConcurrentHashMap.newKeySet();
    final AtomicInteger dropAfterStoringSends = new AtomicInteger();
    final AtomicInteger logins = new AtomicInteger();
    final BlockingQueue<Long> acked = new LinkedBlockingQueue<>();
    /** Users whose logins report {@code admin: true} and who may send {@code admin.*} requests. */
    final Set<String> admins = ConcurrentHashMap.newKeySet();
    final FakeAdmin admin = new FakeAdmin(this);
    /** Handlers for other (plugin) types, by type. */
    final Map<String, PluginHandler> pluginHandlers = new ConcurrentHashMap<>();
    /** What {@code hello.ok} announces. */
    volatile List<String> capabilities = List.of();
    volatile Map<String, String> plugins = Map.of();
    volatile int heartbeatSeconds;
    volatile int maxFrameBytes = 1 << 20;
    volatile boolean forgeSignature;
    /** What {@code auth.finish.ok} lists as the cluster's serving nodes; null as from a server alone. */
    volatile List<org.confab.protocol.messages.ClusterMessages.NodeAddress> announcedNodes;
    /** Answer auth.start with the client's nonce alone instead of extending it. */
    volatile boolean withholdServerNonce;
    /** While not counted down, sessions stop reading (after the frame they are reading now). */
    volatile CountDownLatch readGate = new CountDownLatch(0);
    /** While not counted down, new connections wait before their handshake. */
    volatile CountDownLatch handshakeGate = new CountDownLatch(0);

    private final ServerSocket serverSocket;
    private final Map<String, BlockingQueue<Frame>> receivedByType = new ConcurrentHashMap<>();
    private final BlockingQueue<FakeSession> sessions = new LinkedBlockingQueue<>();
    private final List<FakeSession> allSessions = new CopyOnWriteArrayList<>();
    private final AtomicInteger connectionsAccepted = new AtomicInteger();
    private final BlockingQueue<Integer> acceptedOrdinals = new LinkedBlockingQueue<>();

    FakeServer() throws IOException {
        this(new ServerSocket());
    }

    /** A fake server speaking TLS with the key and certificate of {@code tls}. */
    FakeServer(SSLContext tls) throws IOException {
        this(tls.getServerSocketFactory().createServerSocket());
    }

    private FakeServer(ServerSocket unbound) throws IOException {
        serverSocket = unbound;
        // a fixed, small receive buffer (no autotuning), so a test can fill the pipe to the server
        serverSocket.setReceiveBufferSize(RECEIVE_BUFFER_BYTES);
        serverSocket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        Thread.ofVirtual().name("fake-server-accept").start(this::acceptLoop);
    }

    int port() {
        return serverSocket.getLocalPort();
    }

    void addUser(String name, String password) {
        addUser(name, password, "User " + name);
    }

    void addUser(String name, String password, String displayName) {
        users.put(name.toLowerCase(Locale.ROOT), new User(name.toLowerCase(Locale.ROOT), displayName,
                Scram.create(password, Scram.MIN_ITERATIONS)));
    }

    /** The next session that completed its handshake. */
    FakeSession awaitSession() throws InterruptedException {
        FakeSession session = sessions.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(session, "no client completed a handshake");
        return session;
    }

    /** The next request of {@code type} the server received, from any connection. */
    Frame awaitRequest(String type) throws InterruptedException {
        Frame frame = queue(type).poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(frame, "server received no " + type);
        return frame;
    }

    /** Whether a request of {@code type} arrives within {@code millis}; for asserting that one does not. */
    boolean receivesWithin(String type, long millis) throws InterruptedException {
        return queue(type).poll(millis, TimeUnit.MILLISECONDS) != null;
    }

    /** Whether the server accepts more than {@code count} connections in total within {@code millis}. */
    boolean acceptsMoreThanWithin(int count, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        for (Integer ordinal; (ordinal = acceptedOrdinals.poll(deadline - System.nanoTime(),
                TimeUnit.NANOSECONDS)) != null;) {
            if (ordinal > count) {
                return true;
            }
        }
        return false;
    }

    Long awaitAck() throws InterruptedException {
        Long id = acked.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(id, "server received no acknowledgement");
        return id;
    }

    void record(Frame frame) {
        queue(frame.type()).add(frame);
    }

    void handshaken(FakeSession session) {
        sessions.add(session);
    }

    boolean isOnline(String user) {
        return allSessions.stream().anyMatch(s -> s.isOpen() && user.equals(s.user()));
    }

    /** The open sessions that logged in, in the order they connected. */
    List<FakeSession> loggedInSessions() {
        return allSessions.stream().filter(s -> s.isOpen() && s.user() != null).toList();
    }

    private BlockingQueue<Frame> queue(String type) {
        return receivedByType.computeIfAbsent(type, t -> new LinkedBlockingQueue<>());
    }

    private void acceptLoop() {
        while (!serverSocket.isClosed()) {
            try {
                Socket socket = serverSocket.accept();
                acceptedOrdinals.add(connectionsAccepted.incrementAndGet());
                FakeSession session = new FakeSession(this, socket);
                allSessions.add(session);
                Thread.ofVirtual().name("fake-server-session").start(session::run);
            } catch (IOException e) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        serverSocket.close();
        handshakeGate.countDown();
        readGate.countDown();
        for (FakeSession session : allSessions) {
            session.close();
        }
    }
}
