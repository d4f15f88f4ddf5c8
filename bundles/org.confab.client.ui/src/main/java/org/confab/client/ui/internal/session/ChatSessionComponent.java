package org.confab.client.ui.internal.session;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.confab.client.core.AdminClient;
import org.confab.client.core.AttachmentClient;
import org.confab.client.core.ClientListener;
import org.confab.client.core.ClientOptions;
import org.confab.client.core.KnownServers;
import org.confab.client.core.ServerTrust;
import org.confab.client.core.ConfabClient;
import org.confab.client.core.ConfabConnectionException;
import org.confab.client.core.ConnectionState;
import org.confab.client.core.LoginResult;
import org.confab.client.core.OutgoingMessage;
import org.confab.client.core.PushListener;
import org.confab.client.core.PushSubscription;
import org.confab.client.ui.ChatSession;
import org.confab.client.ui.ClientSettings;
import org.confab.client.ui.ServerAddress;
import org.confab.protocol.messages.AdminMessages.Notice;
import org.confab.protocol.messages.Messages.ChatMessage;
import org.confab.protocol.messages.Messages.ChatSent;
import org.confab.protocol.messages.Messages.Delivered;
import org.confab.protocol.messages.Messages.HistoryRequest;
import org.confab.protocol.messages.Messages.MessagePage;
import org.confab.protocol.messages.Messages.PresenceEntry;
import org.confab.protocol.messages.Messages.Typing;
import org.confab.protocol.messages.Messages.Registered;
import org.confab.protocol.messages.Messages.SearchRequest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The {@link ChatSession}: owns the {@link ConfabClient} of the logged-in user. A login replaces the
 * client; listeners registered here follow every client. Closing an old client happens on a
 * background thread, so no method blocks its caller.
 */
@Component(service = ChatSession.class)
public final class ChatSessionComponent implements ChatSession {
    static final String CLIENT_NAME = "confab-rcp/0.1";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final ClientSettings settings;
    private final MessageRendererRegistry renderers;
    private final List<ClientListener> listeners = new CopyOnWriteArrayList<>();
    private final ClientListener forwarder = new Forwarder();
    private final Subscriptions subscriptions = new Subscriptions();
    private volatile ConfabClient client;
    private volatile LoginResult user;
    private volatile List<ServerAddress> servers = List.of();

    @Activate
    public ChatSessionComponent(@Reference ClientSettings settings, @Reference MessageRendererRegistry renderers) {
        this.settings = settings;
        this.renderers = renderers;
    }

    @Deactivate
    void deactivate() {
        ConfabClient last;
        synchronized (this) {
            last = client;
            client = null;
            user = null;
        }
        if (last != null) {
            last.close();
        }
    }

    @Override
    public ConnectionState state() {
        ConfabClient current = client;
        return current == null ? ConnectionState.DISCONNECTED : current.state();
    }

    @Override
    public Optional<LoginResult> user() {
        return Optional.ofNullable(user);
    }

    @Override
    public Optional<ServerAddress> server() {
        return node().or(() -> servers.stream().findFirst());
    }

    @Override
    public List<ServerAddress> servers() {
        return servers;
    }

    @Override
    public Optional<ServerAddress> node() {
        ConfabClient current = client;
        return current == null ? Optional.empty()
                : current.server().map(node -> new ServerAddress(node.host(), node.port()));
    }

    @Override
    public CompletableFuture<Registered> register(ServerAddress where, String username, String password,
            String displayName) {
        ConfabClient registrar = new ConfabClient(options(List.of(where)));
        return registrar.connect().thenCompose(hello -> registrar.register(username, password,
                displayName == null || displayName.isBlank() ? null : displayName.strip()))
                .whenComplete((answer, error) -> closeInBackground(registrar));
    }

    @Override
    public CompletableFuture<LoginResult> login(ServerAddress where, String username, String password) {
        return login(List.of(where), username, password);
    }

    @Override
    public CompletableFuture<LoginResult> login(List<ServerAddress> where, String username, String password) {
        ConfabClient fresh = new ConfabClient(options(where));
        ConfabClient previous;
        synchronized (this) {
            previous = client;
            client = fresh;
            user = null;
            servers = List.copyOf(where);
        }
        if (previous != null) {
            previous.removeListener(forwarder);
            closeInBackground(previous);
        }
        fresh.addListener(forwarder);
        subscriptions.attachAll(fresh);
        return fresh.connect().thenCompose(hello -> fresh.login(username, password)).whenComplete((result, error) -> {
            synchronized (this) {
                if (client != fresh) {
                    return;
                }
                if (error == null) {
                    user = result;
                    return;
                }
                client = null;
            }
            closeInBackground(fresh);
        });
    }

    @Override
    public CompletableFuture<Void> logout() {
        ConfabClient last;
        synchronized (this) {
            last = client;
            client = null;
            user = null;
        }
        if (last == null) {
            return CompletableFuture.completedFuture(null);
        }
        return last.logout().exceptionally(error -> null).whenComplete((done, error) -> closeInBackground(last));
    }

    @Override
    public CompletableFuture<Void> changePassword(String currentPassword, String newPassword) {
        return current().map(c -> c.changePassword(currentPassword, newPassword))
                .orElseGet(ChatSessionComponent::notLoggedIn);
    }

    @Override
    public CompletableFuture<ChatSent> send(String peer, String clientMessageId, String text) {
        return current().map(c -> c.send(peer, clientMessageId, text)).orElseGet(ChatSessionComponent::notLoggedIn);
    }

    @Override
    public CompletableFuture<ChatSent> send(String peer, OutgoingMessage message) {
        return current().map(c -> c.send(peer, message)).orElseGet(ChatSessionComponent::notLoggedIn);
    }

    @Override
    public CompletableFuture<MessagePage> history(HistoryRequest request) {
        return current().map(c -> c.history(request)).orElseGet(ChatSessionComponent::notLoggedIn);
    }

    @Override
    public CompletableFuture<MessagePage> search(SearchRequest request) {
        return current().map(c -> c.search(request)).orElseGet(ChatSessionComponent::notLoggedIn);
    }

    @Override
    public CompletableFuture<List<PresenceEntry>> presence() {
        return current().map(ConfabClient::presence).orElseGet(ChatSessionComponent::notLoggedIn);
    }

    @Override
    public Optional<AdminClient> admin() {
        return user == null ? Optional.empty() : current().map(ConfabClient::admin);
    }

    @Override
    public Optional<AttachmentClient> attachments() {
        return user == null ? Optional.empty() : current().map(ConfabClient::attachments);
    }

    @Override
    public Map<String, String> serverCapabilities() {
        return current().map(ConfabClient::serverCapabilities).orElse(Map.of());
    }

    @Override
    public CompletableFuture<ObjectNode> request(String type, ObjectNode body) {
        return current().map(c -> c.request(type, body)).orElseGet(ChatSessionComponent::notLoggedIn);
    }

    @Override
    public PushSubscription subscribe(String type, PushListener listener) {
        return subscriptions.add(type, listener, this::current);
    }

    @Override
    public void addListener(ClientListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(ClientListener listener) {
        listeners.remove(listener);
    }

    private Optional<ConfabClient> current() {
        return Optional.ofNullable(client);
    }

    /**
     * TLS trusting only the servers in the known-servers file: a new or changed certificate fails the
     * connect with an UntrustedServerException before anything is sent, so the login dialog can show
     * the fingerprint and let the user decide; reconnects never ask and so never accept a new
     * certificate (an unknown or changed node of a cluster is skipped, the next one tried). Plain TCP only when the client is started with --plain (property
     * confab.client.plain), for servers that run without TLS. The hello lists the message kinds the
     * installed renderers show, as of this login.
     */
    private ClientOptions options(List<ServerAddress> where) {
        ServerTrust trust = Boolean.getBoolean("confab.client.plain") ? ServerTrust.plain()
                : ServerTrust.knownServers(KnownServers.at(settings.knownServersFile()));
        return ClientOptions.of(where.stream()
                .map(node -> new org.confab.client.core.ServerAddress(node.host(), node.port())).toList())
                .withClientName(CLIENT_NAME)
                .withTimeouts(CONNECT_TIMEOUT, settings.requestTimeout())
                .withReconnectDelays(Duration.ofMillis(500), settings.maxReconnectDelay()).withTrust(trust)
                .withCapabilities(renderers.kinds());
    }

    private static void closeInBackground(ConfabClient old) {
        Thread.ofVirtual().name("confab-client-close").start(old::close);
    }

    private static <T> CompletableFuture<T> notLoggedIn() {
        return CompletableFuture.failedFuture(new ConfabConnectionException("not logged in"));
    }

    /** Passes the current client's events on to every listener of the session. */
    private final class Forwarder implements ClientListener {
        private static final System.Logger LOG = System.getLogger(Forwarder.class.getName());

        /** One failing listener (a plugin's, say) must not keep the event from the others. */
        private void each(java.util.function.Consumer<ClientListener> call) {
            for (ClientListener listener : listeners) {
                try {
                    call.accept(listener);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "a session listener failed: " + listener, e);
                }
            }
        }

        @Override
        public void onMessage(ChatMessage message) {
            each(l -> l.onMessage(message));
        }

        @Override
        public void onDelivered(Delivered delivered) {
            each(l -> l.onDelivered(delivered));
        }

        @Override
        public void onPresence(PresenceEntry presence) {
            each(l -> l.onPresence(presence));
        }

        @Override
        public void onConnectionState(ConnectionState state, String reason) {
            each(l -> l.onConnectionState(state, reason));
        }

        @Override
        public void onTyping(Typing typing) {
            each(l -> l.onTyping(typing));
        }

        @Override
        public void onRead(org.confab.protocol.messages.Messages.ReadMark mark) {
            each(l -> l.onRead(mark));
        }

        @Override
        public void onSessionClosed(String code, String reason) {
            each(l -> l.onSessionClosed(code, reason));
        }

        @Override
        public void onAdminNotice(Notice notice) {
            each(l -> l.onAdminNotice(notice));
        }
    }
}
