package org.confab.client.core;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.confab.client.core.internal.AttachmentTransfers;
import org.confab.client.core.internal.ClientEngine;
import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.Messages.ChatSend;
import org.confab.protocol.messages.Messages.ChatSent;
import org.confab.protocol.messages.Messages.HelloOk;
import org.confab.protocol.messages.Messages.HistoryRequest;
import org.confab.protocol.messages.Messages.MessagePage;
import org.confab.protocol.messages.Messages.PresenceEntry;
import org.confab.protocol.messages.Messages.ReadRequest;
import org.confab.protocol.messages.Messages.ReadState;
import org.confab.protocol.messages.Messages.SetStatus;
import org.confab.protocol.messages.Messages.TypingRequest;
import org.confab.protocol.messages.PresenceStatus;
import org.confab.protocol.messages.Messages.PresenceList;
import org.confab.protocol.messages.Messages.Register;
import org.confab.protocol.messages.Messages.Registered;
import org.confab.protocol.messages.Messages.SearchRequest;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A connection to a Confab server (or to one node of a cluster), for one user at a time. Typical use:
 *
 * <pre>{@code
 * try (ConfabClient client = new ConfabClient(ClientOptions.of("localhost", 7777))) {
 *     client.addListener(myListener);
 *     client.connect().get();
 *     client.login("alice", password).get();
 *     client.send("bob", "hello").get();
 * }
 * }</pre>
 *
 * Every operation is asynchronous. A failed future carries a {@link ConfabException} when the server
 * refused, a {@link ConfabConnectionException} when there was no connection or it was lost, or a
 * {@link java.util.concurrent.TimeoutException} when no answer came within
 * {@link ClientOptions#requestTimeout()}. Continuations run on client-owned threads, never on the
 * socket reader.
 * <p>
 * After the first successful login the client keeps the session alive: it pings when idle, and when
 * the connection is lost it reconnects with backoff, logs in again and resends every message the
 * server has not acknowledged. Given several servers (the nodes of a cluster, {@link ClientOptions#servers()}),
 * it connects to the first that answers and reconnects to the next node after the one it lost, with the
 * same backoff; a node whose certificate is unknown or changed is skipped (reported through
 * {@link ClientListener#onConnectionState} as {@code RECONNECTING}, "skipped ...") and never trusted
 * silently. Messages stay exactly once across nodes: unacknowledged sends are resent under their client
 * message ids, which every node of a cluster recognises, and a message pushed again by the new node is
 * reported once. {@link #server()} says which node the client is on. It stops doing so after {@link #logout()}, {@link #close()}, or when the
 * server ends the session with {@code KICKED} or {@code REPLACED}. Thread-safe.
 * <p>
 * Plugins talk to their server side through the generic doors: {@link #request(String, ObjectNode)},
 * {@link #subscribe(String, PushListener)} and {@link #serverCapabilities()}; the client announces its
 * own capabilities with {@link ClientOptions#withCapabilities}.
 */
public final class ConfabClient implements AutoCloseable {
    private final ClientOptions options;
    private final ClientEngine engine;
    private final AdminClient admin;
    private final AttachmentClient attachments;
    private final FileTransfers files;

    public ConfabClient(ClientOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.engine = new ClientEngine(options);
        this.admin = new AdminClient(engine);
        this.attachments = new AttachmentClient(new AttachmentTransfers(engine));
        this.files = new FileTransfers(this);
    }

    public ClientOptions options() {
        return options;
    }

    /** Registers a listener; see {@link ClientListener} for threading. */
    public void addListener(ClientListener listener) {
        engine.addListener(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(ClientListener listener) {
        engine.removeListener(listener);
    }

    public ConnectionState state() {
        return engine.state();
    }

    /** The server (cluster node) the client is connected to now; empty while not connected. */
    public Optional<ServerAddress> server() {
        return engine.server();
    }

    /** Opens the connection and performs the handshake; completes with the server's limits. */
    public CompletableFuture<HelloOk> connect() {
        return engine.connect();
    }

    /** Creates an account; does not log in. */
    public CompletableFuture<Registered> register(String username, String password, String displayName) {
        return engine.request(MessageTypes.REGISTER, new Register(username, password, displayName),
                Registered.class);
    }

    /** Creates an account whose display name the server derives from the user name. */
    public CompletableFuture<Registered> register(String username, String password) {
        return register(username, password, null);
    }

    /**
     * Logs in with SCRAM-SHA-256; the password never leaves this process. Fails with
     * {@link org.confab.protocol.ErrorCode#AUTH_FAILED} also when the server cannot prove it knows the
     * account. The credentials are kept in memory for re-login after a reconnect until logout or close.
     */
    public CompletableFuture<LoginResult> login(String username, String password) {
        return engine.login(Objects.requireNonNull(username, "username"), Objects.requireNonNull(password, "password"));
    }

    /**
     * Changes the logged-in user's own password ({@code account.passwd}). The server checks the current
     * one as a login would (a wrong one fails with {@link org.confab.protocol.ErrorCode#AUTH_FAILED} and
     * counts as a failed login) and the new one against the account rules
     * ({@link org.confab.protocol.ErrorCode#WEAK_PASSWORD}). Once it succeeded, re-logins after a
     * reconnect use the new password.
     */
    public CompletableFuture<Void> changePassword(String currentPassword, String newPassword) {
        return engine.changePassword(Objects.requireNonNull(currentPassword, "currentPassword"),
                Objects.requireNonNull(newPassword, "newPassword"));
    }

    /** Sends a chat message with a fresh client message id; see {@link #send(String, String, String)}. */
    public CompletableFuture<ChatSent> send(String to, String text) {
        return send(to, ClientMessageIds.next(), text);
    }

    /**
     * Sends a chat message. The future completes when the server has stored it &mdash; after reconnects
     * if need be: until then the message is kept and resent under the same {@code clientMessageId}, so
     * it is stored once. Messages sent while not logged in wait and go out after the next login; when
     * the client gives up (logout, close, kicked) they fail. The future does not time out on its own;
     * a caller that gives up waiting should know the message may still be delivered.
     *
     * @throws IllegalArgumentException for an empty or too long text or id
     */
    public CompletableFuture<ChatSent> send(String to, String clientMessageId, String text) {
        return engine.send(new ChatSend(to, clientMessageId, text));
    }

    /**
     * Sends a message of any kind (protocol version 2: kind, metadata, attachment references), kept and
     * resent like {@link #send(String, String, String)} until the server has stored it.
     *
     * @throws IllegalArgumentException when the message breaks the protocol's limits (kind, text,
     *         metadata size or depth, number or fields of attachments)
     */
    public CompletableFuture<ChatSent> send(String to, OutgoingMessage message) {
        return engine.send(new ChatSend(to, message.clientMessageId(), message.text(), message.kind(), message.meta(),
                message.attachments()));
    }

    /** A page of the conversation with one peer, newest first. */
    public CompletableFuture<MessagePage> history(HistoryRequest request) {
        return engine.request(MessageTypes.CHAT_HISTORY, request, MessagePage.class);
    }

    /** Messages containing a text, with one peer or with everyone, newest first. */
    public CompletableFuture<MessagePage> search(SearchRequest request) {
        return engine.request(MessageTypes.CHAT_SEARCH, request, MessagePage.class);
    }

    /** Every account and whether it is online, online ones first. */
    public CompletableFuture<List<PresenceEntry>> presence() {
        return engine.request(MessageTypes.PRESENCE_LIST, Map.of(), PresenceList.class).thenApply(PresenceList::users);
    }

    /**
     * Sets this user's presence status, one of {@link PresenceStatus#ALL} ({@code available},
     * {@code away}, {@code busy}); everybody logged in gets a {@code presence.update} with it. The server
     * keeps it while the user has a session, so set it again after a new login. Servers without the
     * {@link PresenceStatus#CAPABILITY capability} answer {@code UNKNOWN_TYPE}.
     */
    public CompletableFuture<Void> setStatus(String status) {
        return engine.request(MessageTypes.PRESENCE_SET, new SetStatus(status), ObjectNode.class)
                .thenApply(answer -> null);
    }

    /**
     * Tells a peer that this user started ({@code true}) or stopped typing to them; the peer's clients
     * get {@link ClientListener#onTyping}. Nothing is stored. Send it when typing starts, again every few
     * seconds while it goes on, and when it stops (or the message is sent); servers without the
     * {@link PresenceStatus#TYPING_CAPABILITY capability} answer {@code UNKNOWN_TYPE}.
     */
    public CompletableFuture<Void> typing(String peer, boolean typing) {
        return engine.request(MessageTypes.CHAT_TYPING, new TypingRequest(peer, typing), ObjectNode.class)
                .thenApply(answer -> null);
    }

    /**
     * Tells the server this user has read {@code peer}'s messages up to and including message
     * {@code upTo} (one {@code peer} sent this user; 0 marks nothing and only asks). The peer's clients
     * get {@link ClientListener#onRead}; the answer says how far each side has read the other. Servers
     * without the {@link org.confab.protocol.messages.Messages#READ_CAPABILITY capability} answer
     * {@code UNKNOWN_TYPE}.
     */
    public CompletableFuture<ReadState> markRead(String peer, long upTo) {
        return engine.request(MessageTypes.CHAT_READ, new ReadRequest(peer, upTo), ReadState.class);
    }

    /**
     * Tells the server these messages arrived, so they are not delivered again at the next login. Needed
     * only when {@link ClientOptions#autoAck()} is off.
     */
    public CompletableFuture<Void> ack(List<Long> messageIds) {
        return engine.ack(List.copyOf(messageIds));
    }

    /**
     * The administration requests on this client's connection; they succeed only while logged in as an
     * administrator (see {@link LoginResult#admin()}).
     */
    public AdminClient admin() {
        return admin;
    }

    /**
     * Uploads and downloads of files (attachments), resumable and checked; they need a login and a
     * server with the {@code attach} capability.
     */
    public AttachmentClient attachments() {
        return attachments;
    }

    /**
     * The file-transfer plugin's requests: offering an uploaded file to a peer, the offers waiting for
     * this user, accepting and declining them. Needs a server with the {@code file} capability.
     */
    public FileTransfers files() {
        return files;
    }

    /**
     * Sends a request of any type, typically a plugin's own (for example {@code "x.dice.roll"}), on the
     * current connection; it works before login too, for types the server allows then. Completes with
     * the answer's fields (the {@code <type>.ok} frame without {@code type} and {@code rid}); an
     * {@code error} answer fails it with a {@link ConfabException} whose {@link ConfabException#wireCode()}
     * is the server's code. Unlike {@link #send}, a request is not resent after a reconnect: when the
     * connection is lost it fails with {@link ConfabConnectionException}.
     * <p>
     * {@code hello}, {@code auth.start}, {@code auth.finish}, {@code auth.logout} and {@code error} are
     * refused: the client sends them itself as steps of its session handling, and one sent behind its
     * back would leave it believing in a session state the server no longer has (logged out, logged in
     * without credentials to log in again after a reconnect). Use {@link #connect()}, {@link #login} and
     * {@link #logout()}. Every other type, core ones included, is passed on as given.
     *
     * @param type a message type ({@link org.confab.protocol.Frame#isValidType})
     * @param body the request's fields, or null for none; must not hold {@code type} or {@code rid}
     * @throws IllegalArgumentException for a malformed or refused type, or a body holding {@code type} or {@code rid}
     */
    public CompletableFuture<ObjectNode> request(String type, ObjectNode body) {
        return engine.request(type, body);
    }

    /**
     * Receives the server's pushes of one type, typically a plugin's own. Pushes of a type nobody
     * subscribed to are dropped, as before. The subscription belongs to this client, not to a
     * connection: it needs no connection to be made and lasts across reconnects until closed. Several
     * listeners may subscribe to one type; each receives every push. Listeners run on the listener
     * executor (see {@link PushListener}).
     * <p>
     * The pushes the client handles itself ({@code chat.message}, {@code chat.delivered},
     * {@code presence.update}, {@code chat.typing.update}, {@code session.closed}, {@code admin.notice} and {@code error}) are
     * refused: they reach {@link ClientListener}, which reports each chat message once however often the
     * server delivers it and acknowledges it afterwards; a second, raw path would report duplicates and
     * bypass the acknowledgement.
     *
     * @throws IllegalArgumentException for a malformed or refused type
     */
    public PushSubscription subscribe(String type, PushListener listener) {
        return engine.subscribe(type, listener);
    }

    /**
     * What the server announced in its latest {@code hello.ok}, kept after the connection ends: each
     * capability name mapped to its version ({@code "1.2.0"}), or to {@code ""} when the server gave
     * none. Empty before the first connection. Unmodifiable; a reconnect to an upgraded server may change
     * it, so ask again rather than keep it.
     */
    public Map<String, String> serverCapabilities() {
        return engine.serverCapabilities();
    }

    /** Measures the round trip of a {@code ping}. */
    public CompletableFuture<Duration> ping() {
        return engine.ping();
    }

    /**
     * Logs out; the server then closes the connection and the client does not reconnect. Messages
     * still waiting for acknowledgement fail.
     */
    public CompletableFuture<Void> logout() {
        return engine.logout();
    }

    /** Closes the connection and releases the client's threads. Waiting requests and sends fail. */
    @Override
    public void close() {
        engine.close();
    }
}
