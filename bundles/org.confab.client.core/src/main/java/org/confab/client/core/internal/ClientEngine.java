package org.confab.client.core.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

import org.confab.client.core.ClientListener;
import org.confab.client.core.ClientOptions;
import org.confab.client.core.ConfabConnectionException;
import org.confab.client.core.ConnectionState;
import org.confab.client.core.LoginResult;
import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.Messages.ChatAck;
import org.confab.protocol.messages.Messages.ChatSend;
import org.confab.protocol.messages.Messages.ChatSent;
import org.confab.protocol.messages.Messages.HelloOk;

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
    private final ListenerRegistry listeners;
    private final RecentIds recent = new RecentIds(RECENT_MESSAGE_IDS);
    private final SendQueue sends;
    private final ScramLogin login;
    private final SessionController session;

    public ClientEngine(ClientOptions options) {
        this.runtime = new ClientRuntime(options.threadFactory());
        SerialExecutor listenerExecutor = new SerialExecutor(options.listenerExecutor());
        this.listeners = new ListenerRegistry(listenerExecutor);
        this.sends = new SendQueue(options.maxQueuedSends());
        this.login = new ScramLogin(options.serverAddress(), SaltedPasswordCache.shared(), runtime.io());
        AckBatcher acks = new AckBatcher(listenerExecutor, this::sendAcks);
        Backoff backoff = new Backoff(options.reconnectMinDelay(), options.reconnectMaxDelay(),
                () -> ThreadLocalRandom.current().nextDouble());
        this.session = new SessionController(runtime, new Connector(options, runtime), login, backoff, listeners,
                sends, acks);
        session.setPushDispatcher(new PushDispatcher(listeners, recent, acks, options.autoAck(), session));
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
                    session.loggedIn(connection, credentials);
                    return new LoginResult(ok.username(), ok.displayName(), ok.admin());
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

    private static <T> CompletableFuture<T> notConnected() {
        return CompletableFuture.failedFuture(new ConfabConnectionException("not connected"));
    }
}
