package org.confab.client.ui;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.confab.client.core.AdminClient;
import org.confab.client.core.AttachmentClient;
import org.confab.client.core.ClientListener;
import org.confab.client.core.ConnectionState;
import org.confab.client.core.LoginResult;
import org.confab.client.core.OutgoingMessage;
import org.confab.client.core.PushListener;
import org.confab.client.core.PushSubscription;
import org.confab.protocol.messages.Messages.ChatSent;
import org.confab.protocol.messages.Messages.HistoryRequest;
import org.confab.protocol.messages.Messages.MessagePage;
import org.confab.protocol.messages.Messages.PresenceEntry;
import org.confab.protocol.messages.Messages.Registered;
import org.confab.protocol.messages.Messages.SearchRequest;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The client's one connection to a Confab server, as an OSGi service: who is logged in and the
 * operations on that session. Every operation is asynchronous and never blocks the caller; listeners
 * are called on a client thread, never on the display thread, so UI code hops over with
 * {@code Display.asyncExec}. Across reconnects the listeners stay registered and sends wait in the
 * library's queue.
 */
@ProviderType
public interface ChatSession {

    /** Where the connection stands; {@link ConnectionState#DISCONNECTED} when nobody is logged in. */
    ConnectionState state();

    /** Who is logged in, once a login has succeeded and until logout. */
    Optional<LoginResult> user();

    /**
     * The server of the current or last session: the node connected to now, else the first of the
     * servers logged in to.
     */
    Optional<ServerAddress> server();

    /** The servers (the nodes of a cluster) the current or last login was given, in their order. */
    default List<ServerAddress> servers() {
        return server().map(List::of).orElse(List.of());
    }

    /** The server (cluster node) the session is connected to now; empty while it is not connected. */
    default Optional<ServerAddress> node() {
        return state() == ConnectionState.CONNECTED ? server() : Optional.empty();
    }

    /** Creates an account on a server, on a connection of its own; does not log in. */
    CompletableFuture<Registered> register(ServerAddress server, String username, String password,
            String displayName);

    /**
     * Connects and logs in, ending any earlier session. On success the library keeps the session alive:
     * it reconnects with backoff and resends unacknowledged messages.
     */
    CompletableFuture<LoginResult> login(ServerAddress server, String username, String password);

    /**
     * Connects to the first of {@code servers} (the nodes of a cluster) that answers and logs in, ending
     * any earlier session. A node whose certificate is not trusted yet fails the login with the library's
     * {@link org.confab.client.core.UntrustedServerException}, so the user is asked about each node as
     * it is first met. After success the library fails over to the next node when the connection is lost.
     */
    default CompletableFuture<LoginResult> login(List<ServerAddress> servers, String username, String password) {
        return login(servers.get(0), username, password);
    }

    /** Ends the session; listeners see {@link ConnectionState#DISCONNECTED}. */
    CompletableFuture<Void> logout();

    /**
     * Changes the logged-in user's own password; the server checks the current one like a login. After
     * success, re-logins after a reconnect use the new password.
     */
    CompletableFuture<Void> changePassword(String currentPassword, String newPassword);

    /**
     * Sends a message; completes when the server has stored it. While the connection is being
     * re-established the message waits and is sent after the next login.
     */
    CompletableFuture<ChatSent> send(String peer, String clientMessageId, String text);

    /**
     * Sends a message of any kind (a plugin's {@code x.dice}, a {@code file} offer) with its metadata and
     * attachment references; completes when the server has stored it. Like
     * {@link #send(String, String, String)}, it waits in the library's queue while reconnecting and is
     * resent under the same client message id. The conversation window shows it only if it was sent
     * through {@link ConversationContext#send(OutgoingMessage)}; sent here it appears when the server
     * echoes it.
     */
    CompletableFuture<ChatSent> send(String peer, OutgoingMessage message);

    /** A page of the conversation with one peer, newest first. */
    CompletableFuture<MessagePage> history(HistoryRequest request);

    /** Messages containing a text, newest first. */
    CompletableFuture<MessagePage> search(SearchRequest request);

    /** Every account with its presence, online first. */
    CompletableFuture<List<PresenceEntry>> presence();

    /**
     * The administrative requests of the current session, empty while nobody is logged in. The server
     * decides who may use them: for a user without the admin role every request fails with
     * {@code NOT_ALLOWED}, whatever the client shows. Ask again after a new login; the object belongs
     * to one connection.
     */
    Optional<AdminClient> admin();

    /**
     * The attachment store of the current session (upload and download of files by chunks, resumable and
     * checked by SHA-256), empty while nobody is logged in. Like {@link #admin()} it belongs to one
     * connection: ask again for every transfer rather than keeping it. Needs the server's {@code attach}
     * capability ({@link #serverCapabilities()}); without it every transfer fails.
     *
     * @since 0.5
     */
    Optional<AttachmentClient> attachments();

    /**
     * What the server of the current session announced in {@code hello.ok}: capability name (a plugin's
     * namespace such as {@code x.dice}) to version, "" where the server gave none. Empty while not
     * connected.
     */
    Map<String, String> serverCapabilities();

    /**
     * Sends a request of a plugin's own type through the logged-in session (never open a second
     * connection: it would need the user's password). Completes with the answer's body (the
     * {@code .ok} frame without {@code type} and {@code rid}), or fails with a
     * {@link org.confab.client.core.ConfabException} carrying the server's error code; fails at once
     * while nobody is logged in.
     *
     * @throws IllegalArgumentException for a malformed type or one the session sends itself ({@code hello}, {@code auth.*})
     */
    CompletableFuture<ObjectNode> request(String type, ObjectNode body);

    /**
     * Receives the server's pushes of a plugin's own type, on a client thread (never the display
     * thread). The subscription lasts across reconnects and later logins until closed; close it when the
     * plugin stops.
     *
     * @throws IllegalArgumentException for a malformed type or one the client handles itself
     *         ({@code chat.message}: use {@link #addListener})
     */
    PushSubscription subscribe(String type, PushListener listener);

    /** Receives pushes and connection changes of this and every later session until removed. */
    void addListener(ClientListener listener);

    void removeListener(ClientListener listener);
}
