package org.confab.server.transport.internal;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.confab.protocol.ErrorCode;
import org.confab.protocol.Frame;
import org.confab.protocol.FrameCodec;
import org.confab.protocol.FrameReader;
import org.confab.protocol.FrameWriter;
import org.confab.protocol.Protocol;
import org.confab.protocol.ProtocolException;
import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.Messages.ErrorBody;
import org.confab.protocol.messages.Messages.SessionClosed;
import org.confab.server.spi.TokenBucket;
import org.confab.server.spi.TransportSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One TCP connection: a reader loop on the connection's virtual thread, and a writer virtual thread
 * draining a bounded queue, so a peer that stops reading can never block the threads that send to
 * it. A full queue closes the connection; undelivered messages then wait in the database.
 */
final class Connection implements TransportSession {

    private static final Logger LOG = LoggerFactory.getLogger(Connection.class);
    /** Marks the end of the outbound queue. */
    private static final byte[] END = new byte[0];
    /** Binary frames (file bytes) one connection may have queued, in frames of the maximum size. */
    private static final int QUEUED_DATA_FRAMES = 8;
    /** How long a handler waits for a peer to read queued file bytes before the connection is given up. */
    private static final Duration DATA_WAIT = Duration.ofSeconds(30);
    /** The first protocol version with binary frames (protocol section 2.1). */
    private static final int BINARY_VERSION = 2;
    /** How long a closing connection may take to flush before the socket is cut. */
    private static final Duration FLUSH_GRACE = Duration.ofSeconds(5);

    private final long id;
    /** What frames are read from and written to: the TLS layer, or the TCP socket itself. */
    private final Socket socket;
    /**
     * The TCP socket underneath. Forced closes close this one: closing a TLS socket would try to send
     * close_notify and so wait for a writer blocked on a peer that does not read.
     */
    private final Socket tcp;
    private final ConnectionContext context;
    private final InetSocketAddress remote;
    private final Instant connectedAt = Instant.now();
    private final BlockingQueue<byte[]> outbound;
    private final AtomicBoolean closing = new AtomicBoolean();
    /**
     * Bytes of binary frames queued and not yet written: downloads answer from the connection's own
     * thread, which waits here for a slow reader, so file bytes in memory stay bounded per connection
     * however many reads a client pipelines (the frame-count limit of the queue alone would allow
     * thousands of full frames).
     */
    private final Semaphore queuedData;
    /**
     * Bytes of other frames queued and not yet written. The frame count alone let a peer that stops
     * reading and keeps asking for large history pages hold thousands of frames of up to a megabyte.
     */
    private final AtomicLong queuedBytes = new AtomicLong();
    /** The thread that reads this connection's frames and runs its handlers. */
    private volatile Thread reader;
    /** Where the reader waits for the writer to make room (a lock, not a monitor: it is a virtual thread). */
    private final ReentrantLock roomLock = new ReentrantLock();
    private final Condition room = roomLock.newCondition();
    private volatile boolean awaitingRoom;
    private final ConcurrentMap<String, Object> attributes = new ConcurrentHashMap<>();
    private final Handshake handshake;
    private volatile Instant lastActivity = connectedAt;
    private volatile boolean open = true;
    private volatile String username;
    private volatile boolean admin;
    private volatile Instant loggedInAt;
    /** Whether the peer ever sent a whole frame (over TLS: also finished the handshake). */
    private volatile boolean spoke;
    /**
     * The budget of frames the transport answers itself and the router never sees (ping, frames before
     * hello.ok, malformed frames, refused binary frames, a second hello): each costs an answer, so they
     * are rate-limited like requests, and a connection that floods them is given up on.
     */
    private final TokenBucket controlFrames;

    Connection(long id, Socket tcp, Socket socket, ConnectionContext context) {
        this.id = id;
        this.tcp = tcp;
        this.socket = socket;
        this.context = context;
        this.remote = (InetSocketAddress) tcp.getRemoteSocketAddress();
        // linked, not array-backed: an idle session must not pay for its full queue capacity up front
        this.outbound = new LinkedBlockingQueue<>(context.sendQueueFrames());
        this.handshake = new Handshake(context);
        this.queuedData = new Semaphore(QUEUED_DATA_FRAMES * context.codec().maxFrameBytes());
        this.controlFrames = new TokenBucket(context.controlFrameBurst(), context.controlFramesPerSecond(), System.nanoTime());
    }

    /** Runs the connection until either side closes it. */
    void run() {
        reader = Thread.currentThread();
        context.registry().opened(this);
        Thread.ofVirtual().name("confab-writer-" + id).start(this::writeLoop);
        try {
            tcp.setTcpNoDelay(true);
            // a small buffer: most frames are far below 1 KiB, and 100,000 idle sessions each hold one
            readLoop(new FrameReader(new BufferedInputStream(socket.getInputStream(), 1024), context.codec()));
        } catch (ProtocolException e) {
            // the reader only fails this way (a zero or too large length) after a whole length prefix, so
            // over TLS the handshake is done: the peer spoke the protocol and is told why it is closed
            spoke = true;
            sendError(0, e.code(), e.getMessage());
            close("PROTOCOL_ERROR", e.getMessage());
        } catch (EOFException | SocketException e) {
            LOG.debug("connection #{} ended: {}", id, e.getMessage());
        } catch (IOException e) {
            LOG.info("connection #{} failed: {}", id, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("connection #{} crashed", id, e);
        } finally {
            if (!closing.get()) {
                closeSocket();
            } // else the writer flushes the goodbye (session.closed, error) and closes, or the grace timer does
            open = false;
            context.registry().closed(this);
            if (handshake.done()) {
                context.dispatcher().sessionClosed(this);
            }
        }
    }

    private void readLoop(FrameReader reader) throws IOException, ProtocolException {
        while (open) {
            // before hello.ok the client cannot know our limit; any server accepts 16 KiB, and the length is
            // refused before its payload is read (protocol section 2)
            Optional<byte[]> payload = reader.readPayload(handshake.done() ? context.codec().maxFrameBytes()
                    : Protocol.MIN_MAX_FRAME_BYTES);
            if (payload.isEmpty()) {
                return;
            }
            lastActivity = Instant.now();
            spoke = true;
            if (!handle(payload.get())) {
                return;
            }
        }
    }

    /** Handles one frame; false when the connection is given up on. */
    private boolean handle(byte[] payload) {
        Frame frame;
        try {
            frame = context.codec().decode(payload);
        } catch (ProtocolException e) {
            if (!withinControlBudget(0)) {
                return false;
            }
            sendError(0, e.code(), e.getMessage());
            return true;
        }
        boolean binaryRefused = frame.hasData() && (!handshake.done() || handshake.version() < BINARY_VERSION);
        if (!binaryRefused && handshake.done() && !MessageTypes.HELLO.equals(frame.type())
                && !MessageTypes.PING.equals(frame.type())) {
            context.dispatcher().dispatch(this, frame); // the router charges it to the session's request rate
            return true;
        }
        if (!withinControlBudget(frame.rid())) {
            return false;
        }
        if (binaryRefused) {
            sendError(frame.rid(), ErrorCode.BAD_FRAME, "binary frames need protocol version " + BINARY_VERSION
                    + " and come only after hello.ok");
        } else if (!handshake.done()) {
            handshake.accept(this, frame);
        } else if (MessageTypes.HELLO.equals(frame.type())) {
            sendError(frame.rid(), ErrorCode.BAD_REQUEST, "hello: the handshake is already done");
        } else {
            // a ping without rid is a bare sign of life: the send drops its .ok (section 5)
            send(Frame.of(MessageTypes.ok(MessageTypes.PING), frame.rid()));
        }
        return true;
    }

    /**
     * Takes one frame from the control budget. A connection beyond it is flooding the server with
     * frames that are not requests: it is told so ({@code RATE_LIMITED}, then {@code session.closed}
     * {@code PROTOCOL_ERROR}, protocol section 6.4) and closed; answering each would let it go on for ever.
     */
    private boolean withinControlBudget(long rid) {
        if (controlFrames.tryTake(System.nanoTime()) == 0) {
            return true;
        }
        LOG.info("connection #{} from {} floods pings, malformed or pre-handshake frames; closing it", id, remote);
        sendError(rid, ErrorCode.RATE_LIMITED, "too many pings, malformed frames or frames before hello.ok (more than "
                + context.controlFramesPerSecond() + " a second); closing the connection");
        close("PROTOCOL_ERROR", "a flood of pings, malformed frames or frames before hello.ok");
        return false;
    }

    private void writeLoop() {
        try (OutputStream out = socket.getOutputStream()) {
            // unbuffered: FrameWriter hands the socket each frame as one array
            FrameWriter writer = new FrameWriter(out, context.codec());
            while (true) {
                byte[] payload = outbound.take();
                if (payload == END) {
                    out.flush();
                    closeGracefully();
                    return;
                }
                writer.writePayload(payload);
                written(payload);
            }
        } catch (IOException e) {
            LOG.debug("connection #{} write failed: {}", id, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeSocket();
            discardQueued();
        }
    }

    /** Gives back the budget a payload held once it is written (or dropped). */
    private void written(byte[] payload) {
        if (FrameCodec.isBinary(payload)) {
            queuedData.release(payload.length);
        } else {
            account(-payload.length);
            if (awaitingRoom) {
                signalRoom();
            }
        }
    }

    /** Counts frame bytes into (or, negative, out of) this connection's queue and the shared budget. */
    private long account(long bytes) {
        context.sendBudget().add(bytes);
        return queuedBytes.addAndGet(bytes);
    }

    private void signalRoom() {
        roomLock.lock();
        try {
            room.signalAll();
        } finally {
            roomLock.unlock();
        }
    }

    /** After the writer has stopped: what is still queued will never be written, so its budget is returned. */
    private void discardQueued() {
        byte[] payload;
        while ((payload = outbound.poll()) != null) {
            if (payload != END) {
                written(payload);
            }
        }
    }

    @Override
    public boolean send(Frame frame) {
        if (!open || closing.get()) {
            return false;
        }
        if (frame.rid() == 0 && frame.type().endsWith(".ok")) {
            // protocol section 5: a frame without rid is a notification and never gets a .ok, whichever
            // handler (core or plugin) answered it
            return true;
        }
        byte[] payload = context.codec().encode(frame);
        if (frame.hasData() && !awaitRoomForData(payload.length)) {
            return false;
        }
        return enqueue(payload);
    }

    /** Why {@code queued} bytes are too many for this connection, or null when they are not. */
    private String overBudget(long queued) {
        if (queued > context.sendQueueBytes()) {
            return queued + " bytes queued, more than its " + context.sendQueueBytes();
        }
        if (context.sendBudget().exceeded() && queued > SendBudget.SMALL_QUEUE_BYTES) {
            return queued + " bytes queued while all connections together hold more than " + context.sendBudget().limit();
        }
        return null;
    }

    /**
     * Answers to this connection's own requests (history pages, the backlog at login) wait here for the
     * peer to read, so a client that asks faster than it reads is slowed down, as TCP would, and is
     * closed only if it does not read at all; pushes from other users' threads never wait: a full
     * queue closes the connection instead of blocking their sender.
     */
    private void awaitRoomForFrames(int bytes) {
        long remaining = DATA_WAIT.toNanos();
        roomLock.lock();
        awaitingRoom = true;
        try {
            // The writer signals when it has written a frame; the shared budget is freed by other
            // connections, which do not signal, so the wait also looks again every 100 ms.
            while (open && overBudget(queuedBytes.get() + bytes) != null && remaining > 0) {
                long slice = Math.min(remaining, TimeUnit.MILLISECONDS.toNanos(100));
                remaining -= slice - room.awaitNanos(slice);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            awaitingRoom = false;
            roomLock.unlock();
        }
    }

    private boolean awaitRoomForData(int bytes) {
        try {
            if (queuedData.tryAcquire(bytes, DATA_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
            LOG.warn("connection #{} user={} does not read its file bytes; closing it", id, username);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeSocket();
        return false;
    }

    private boolean enqueue(byte[] payload) {
        boolean data = FrameCodec.isBinary(payload);
        if (!data && payload != END) {
            if (Thread.currentThread() == reader && !closing.get()) {
                awaitRoomForFrames(payload.length);
            }
            String over = overBudget(account(payload.length));
            if (over != null) {
                account(-payload.length);
                LOG.warn("connection #{} user={} does not read its frames ({}); closing it", id, username, over);
                closeSocket();
                return false;
            }
        }
        if (outbound.offer(payload)) {
            if (!open) {
                discardQueued(); // the writer may have drained already: nobody else would return this budget
            }
            return true;
        }
        if (!data && payload != END) {
            account(-payload.length);
        }
        LOG.warn("connection #{} user={} does not read its frames; closing it", id, username);
        closeSocket();
        return false;
    }

    @Override
    public void sendError(long rid, ErrorCode code, String message) {
        send(context.codec().frame(MessageTypes.ERROR, rid, new ErrorBody(code.name(), message)));
    }

    @Override
    public void close(String code, String reason) {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        if (!spoke) {
            // a peer that never sent a whole frame (a slowloris, a port scan, a stalled TLS handshake)
            // gets no goodbye: over TLS writing would only start a handshake on the writer and hold
            // the socket for the whole grace period
            closeSocket();
            return;
        }
        if (open && enqueue(context.codec().encode(
                context.codec().frame(MessageTypes.SESSION_CLOSED, 0, new SessionClosed(code, reason)))) && enqueue(END)) {
            Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(FLUSH_GRACE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                closeSocket();
            });
        } else {
            closeSocket();
        }
    }

    /** Cuts the connection at once, from any thread; never blocks on the peer. */
    private void closeSocket() {
        open = false;
        discardQueued();
        if (awaitingRoom) {
            signalRoom();
        }
        outbound.offer(END);
        closeQuietly(tcp);
    }

    /**
     * On the writer, after the goodbye frames: a TLS close_notify first, so the peer sees a clean end.
     * Should the peer not read, the grace timer's {@link #closeSocket} ends the wait.
     */
    private void closeGracefully() {
        if (socket != tcp) {
            try {
                socket.close();
            } catch (IOException e) {
                LOG.debug("closing TLS of connection #{}: {}", id, e.getMessage());
            }
        }
    }

    /**
     * Tells a connection over a limit why it is refused, on a short-lived thread with a short timeout
     * (over TLS the handshake happens here too), then closes it.
     */
    static void refuseBusy(Socket tcp, Socket socket, FrameCodec codec, String reason, Runnable done) {
        Thread.ofVirtual().start(() -> {
            try {
                tcp.setSoTimeout(1000);
                new FrameWriter(socket.getOutputStream(), codec).write(codec.frame(MessageTypes.ERROR, 0,
                        new ErrorBody(ErrorCode.SERVER_BUSY.name(), reason)));
            } catch (IOException e) {
                LOG.debug("refusing a connection: {}", e.getMessage());
            } finally {
                closeQuietly(tcp);
                done.run();
            }
        });
    }

    static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("closing a refused connection: {}", e.getMessage());
        }
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return remote;
    }

    @Override
    public Instant connectedAt() {
        return connectedAt;
    }

    @Override
    public Instant lastActivity() {
        return lastActivity;
    }

    @Override
    public Optional<String> username() {
        return Optional.ofNullable(username);
    }

    @Override
    public boolean isAdmin() {
        return admin;
    }

    @Override
    public Optional<String> clientName() {
        return handshake.clientName();
    }

    @Override
    public Set<String> clientCapabilities() {
        return handshake.clientCapabilities();
    }

    @Override
    public int protocolVersion() {
        return handshake.version();
    }

    @Override
    public Optional<Instant> loggedInAt() {
        return Optional.ofNullable(loggedInAt);
    }

    @Override
    public void authenticate(String name, boolean isAdmin) {
        this.admin = isAdmin;
        this.loggedInAt = Instant.now();
        this.username = name;
    }

    @Override
    public boolean isOpen() {
        return open && !closing.get();
    }

    @Override
    public ConcurrentMap<String, Object> attributes() {
        return attributes;
    }
}
