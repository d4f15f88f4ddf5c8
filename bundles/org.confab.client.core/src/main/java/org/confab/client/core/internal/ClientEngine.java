package org.confab.client.core.internal;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

import org.confab.client.core.ClientListener;
import org.confab.client.core.ClientOptions;
import org.confab.client.core.ConfabConnectionException;
import org.confab.client.core.ConnectionState;
import org.confab.client.core.LoginResult;
import org.confab.client.core.PushListener;
import org.confab.client.core.PushSubscription;
import org.confab.client.core.ServerAddress;
import org.confab.protocol.Frame;
import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.Messages.ChangePassword;
import org.confab.protocol.messages.Messages.ChatAck;
import org.confab.protocol.messages.Messages.ChatSend;
import org.confab.protocol.messages.Messages.ChatSent;
import org.confab.protocol.messages.Messages.HelloOk;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Wires the client's parts together and implements the operations behind
 * {@link org.confab.client.core.ConfabClient}. Futures returned here are handed off to fresh threads,
 * so callers' continuations never run on the socket reader. Public only so the API class in the
 * exported package can construct it.
 */
public final class ClientEngine {
    private static final int RECENT_MESSAGE_IDS = 10_000;
    private static final int MAX_ACK_BATCH = 1000;

    private final ClientRuntime runtime;
    private final ClientOptions options;
    /**
     * Requests the library makes itself as steps of its own state machine: sent by anyone else they
     * would log in or out (or re-handshake) behind its back.
     */
    private static final Set<String> STATEFUL_REQUESTS = Set.of(MessageTypes.HELLO, MessageTypes.AUTH_START,
            MessageTypes.AUTH_FINISH, MessageTypes.LOGOUT, MessageTypes.ERROR);

    private final ListenerRegistry listeners;
    private final PushSubscribers subscribers;
    private final RecentIds recent = new RecentIds(RECENT_MESSAGE_IDS);
    private final SendQueue sends;
    private final ScramLogin login;
    private final SessionController session;

    public ClientEngine(ClientOptions options) {
        this.options = options;
        this.runtime = new ClientRuntime(options.threadFactory());
        SerialExecutor listenerExecutor = new SerialExecutor(options.listenerExecutor());
        this.listeners = new ListenerRegistry(listenerExecutor);
        this.sends = new SendQueue(options.maxQueuedSends());
        this.login = new ScramLogin(options.serverAddress(), SaltedPasswordCache.shared(), runtime.io());
        AckBatcher acks = new AckBatcher(listenerExecutor, this::sendAcks);
        Backoff backoff = new Backoff(options.reconnectMinDelay(), options.reconnectMaxDelay(),
                () -> ThreadLocalRandom.current().nextDouble());
        Dialer dialer = new Dialer(new Connector(options, runtime), new Nodes(options.servers(), InetAddress::getAllByName));
        this.session = new SessionController(runtime, dialer, login, backoff, listeners, sends, acks);
        this.subscribers = new PushSubscribers(listenerExecutor);
        session.setPushDispatcher(new PushDispatcher(listeners, subscribers, recent, acks, options.autoAck(),
                session));
    }

    public void addListener(ClientListener listener) {
        listeners.add(listener);
    }

    public void removeListener(ClientListener listener) {
        listeners.remove(listener);
    }

    public ConnectionState state() {
        return session.state();
    }

    public CompletableFuture<HelloOk> connect() {
        return runtime.handOff(session.connect());
    }

    public CompletableFuture<LoginResult> login(String username, String password) {
        Credentials credentials = new Credentials(username, password);
        return runtime.handOff(session.connection()
                .map(connection -> login.login(connection, credentials).thenApply(ok -> {
                    session.learnNodes(ok);
                    session.loggedIn(connection, credentials);
                    return new LoginResult(ok.username(), ok.displayName(), ok.admin());
                }))
                .orElseGet(ClientEngine::notConnected));
    }

    /** {@code account.passwd}; on success the remembered credentials follow, for re-logins. */
    public CompletableFuture<Void> changePassword(String currentPassword, String newPassword) {
        return runtime.handOff(session.loggedInConnection()
                .map(connection -> connection.request(MessageTypes.CHANGE_PASSWORD,
                        new ChangePassword(currentPassword, newPassword)).<Void>thenApply(answer -> {
                            session.passwordChanged(connection, newPassword);
                            return null;
                        }))
                .orElseGet(ClientEngine::notConnected));
    }

    public CompletableFuture<ChatSent> send(ChatSend message) {
        return runtime.handOff(sends.send(message));
    }

    /** A request on the current connection, decoded as {@code answerType}; fails fast when offline. */
    public <T> CompletableFuture<T> request(String type, Object body, Class<T> answerType) {
        return runtime.handOff(session.connection()
                .map(connection -> connection.request(type, body, answerType))
                .orElseGet(ClientEngine::notConnected));
    }

    /** A request of any type the library does not make itself; completes with the answer's fields. */
    public CompletableFuture<ObjectNode> request(String type, ObjectNode body) {
        requireValidType(type);
        if (STATEFUL_REQUESTS.contains(type)) {
            throw new IllegalArgumentException(type + " belongs to the client's own session handling: use connect(),"
                    + " login() or logout()");
        }
        ObjectNode fields = body != null ? body : JsonNodeFactory.instance.objectNode();
        if (fields.has("type") || fields.has("rid")) {
            throw new IllegalArgumentException("the body must not hold 'type' or 'rid': the client sets them");
        }
        return runtime.handOff(session.connection()
                .map(connection -> connection.request(type, fields).thenApply(Frame::body))
                .orElseGet(ClientEngine::notConnected));
    }

    /**
     * A request whose frame may carry binary data, answered by a whole frame (with its data, if any),
     * for the attachment transfers. The future completes on the socket reader: a caller must not block
     * in a continuation of it. Fails fast when not logged in.
     */
    public CompletableFuture<Frame> requestFrame(String type, ObjectNode body, byte[] data) {
        return session.loggedInConnection()
                .map(connection -> connection.requestWithData(type, body, data))
                .orElseGet(ClientEngine::notConnected);
    }

    /** The frame limit the server announced in its latest {@code hello.ok}. */
    public java.util.OptionalInt maxFrameBytes() {
        return session.lastHello().map(hello -> java.util.OptionalInt.of(hello.maxFrameBytes()))
                .orElse(java.util.OptionalInt.empty());
    }

    /** The server (cluster node) the client is connected to now. */
    public Optional<ServerAddress> server() {
        return session.server();
    }

    /** Whether a login holds on the current connection, so requests that need one can be sent. */
    public boolean isLoggedIn() {
        return session.loggedInConnection().isPresent();
    }

    /** The options the client was made with. */
    public ClientOptions options() {
        return options;
    }

    /** Runs a long blocking task (a file transfer) on a thread of the client's own. */
    public void startThread(Runnable task) {
        runtime.startThread(task);
    }

    public PushSubscription subscribe(String type, PushListener listener) {
        requireValidType(type);
        Objects.requireNonNull(listener, "listener");
        if (PushDispatcher.HANDLED.contains(type)) {
            throw new IllegalArgumentException(type + " reaches ClientListener, which drops duplicates and"
                    + " acknowledges; it cannot be subscribed to");
        }
        return subscribers.add(type, listener);
    }

    /** Capability name to version from the latest {@code hello.ok}; empty before the first connection. */
    public Map<String, String> serverCapabilities() {
        return session.lastHello().map(ClientEngine::capabilities).orElse(Map.of());
    }

    public CompletableFuture<Duration> ping() {
        long start = System.nanoTime();
        return request(MessageTypes.PING, Map.of(), Object.class)
                .thenApply(answer -> Duration.ofNanos(System.nanoTime() - start));
    }

    public CompletableFuture<Void> ack(List<Long> messageIds) {
        messageIds.forEach(recent::markAcked);
        List<CompletableFuture<Object>> batches = new ArrayList<>();
        for (int from = 0; from < messageIds.size(); from += MAX_ACK_BATCH) {
            List<Long> batch = messageIds.subList(from, Math.min(messageIds.size(), from + MAX_ACK_BATCH));
            batches.add(request(MessageTypes.CHAT_ACK, new ChatAck(batch), Object.class));
        }
        return CompletableFuture.allOf(batches.toArray(CompletableFuture[]::new));
    }

    public CompletableFuture<Void> logout() {
        return runtime.handOff(session.connection().map(connection -> {
            session.loggingOut();
            return connection.request(MessageTypes.LOGOUT, Map.of()).<Void>thenApply(answer -> null)
                    .whenComplete((answer, error) -> {
                        sends.failAll(new ConfabConnectionException(
                                "logged out before the server acknowledged the message"));
                        connection.close("logged out");
                    });
        }).orElseGet(ClientEngine::notConnected));
    }

    public void close() {
        session.close();
        runtime.shutdown();
    }

    /**
     * Sends automatic acknowledgements as notifications (no answer to wait for); false when not logged
     * in, so the batcher keeps them. A lost acknowledgement only means the server pushes the message
     * again, and the duplicate is acknowledged then.
     */
    private boolean sendAcks(List<Long> messageIds) {
        return session.loggedInConnection().map(connection -> {
            for (int from = 0; from < messageIds.size(); from += MAX_ACK_BATCH) {
                ChatAck ack = new ChatAck(messageIds.subList(from, Math.min(messageIds.size(), from + MAX_ACK_BATCH)));
                connection.sendNotification(MessageTypes.CHAT_ACK, ack);
            }
            return true;
        }).orElse(false);
    }

    private static Map<String, String> capabilities(HelloOk hello) {
        Map<String, String> all = new LinkedHashMap<>();
        hello.capabilities().forEach(name -> all.put(name, hello.plugins().getOrDefault(name, "")));
        hello.plugins().forEach(all::putIfAbsent);
        return Collections.unmodifiableMap(all);
    }

    private static void requireValidType(String type) {
        if (!Frame.isValidType(type)) {
            throw new IllegalArgumentException("not a message type (lowercase, dot-separated, like x.dice): " + type);
        }
    }

    private static <T> CompletableFuture<T> notConnected() {
        return CompletableFuture.failedFuture(new ConfabConnectionException("not connected"));
    }
}
