package org.confab.filetransfer.ui.internal;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.confab.client.core.ClientListener;
import org.confab.client.core.ConnectionState;
import org.confab.client.core.LoginResult;
import org.confab.client.core.PushSubscription;
import org.confab.client.ui.ChatSession;
import org.confab.protocol.messages.Messages.ChatMessage;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The state of every file offer of the logged-in user that this client has seen, kept live: loaded with
 * {@code file.offers} (offers to me) and {@code file.sent} (my offers) after each login and reconnect,
 * then changed by the server's {@code file.state} pushes and by the transfers running here. Rows observe
 * it by attachment id. Observers are called on any thread.
 */
@Component(service = FileStates.class)
public final class FileStates {
    static final String KIND = "file";
    private static final System.Logger LOG = System.getLogger(FileStates.class.getName());

    private final ChatSession session;
    private final Map<String, Transfer> transfers = new ConcurrentHashMap<>();
    private final List<Consumer<String>> observers = new CopyOnWriteArrayList<>();
    private final AtomicBoolean loading = new AtomicBoolean();
    private final ClientListener connection = new ClientListener() {
        @Override
        public void onConnectionState(ConnectionState state, String reason) {
            if (state == ConnectionState.CONNECTED) {
                // states may have changed while the connection was down
                loaded = false;
                load();
            }
        }

        @Override
        public void onMessage(ChatMessage message) {
            offered(message);
        }
    };
    private final PushSubscription pushes;
    private volatile boolean loaded;
    private volatile String owner = "";

    @Activate
    public FileStates(@Reference ChatSession session) {
        this.session = session;
        this.pushes = session.subscribe("file.state", (type, body) -> pushed(body));
        session.addListener(connection);
    }

    @Deactivate
    void deactivate() {
        session.removeListener(connection);
        pushes.close();
    }

    /** What is known of an offer; {@link Transfer#UNKNOWN} before anything is. */
    Transfer get(String id) {
        forgetOtherUsers();
        return transfers.getOrDefault(id, Transfer.UNKNOWN);
    }

    /**
     * Whether the server's lists were read for the current session: an offer to me that is absent then
     * was downloaded or declined (maybe from another client) or has expired.
     */
    boolean loaded() {
        return loaded;
    }

    void update(String id, UnaryOperator<Transfer> change) {
        forgetOtherUsers();
        transfers.compute(id, (key, old) -> change.apply(old == null ? Transfer.UNKNOWN : old));
        observers.forEach(o -> o.accept(id));
    }

    void addObserver(Consumer<String> observer) {
        observers.add(observer);
    }

    void removeObserver(Consumer<String> observer) {
        observers.remove(observer);
    }

    /** Reads the server's lists unless they were read for this session or are being read. */
    void load() {
        if (loaded || session.user().isEmpty() || !session.serverCapabilities().containsKey(KIND)
                || !loading.compareAndSet(false, true)) {
            return;
        }
        ObjectNode empty = JsonNodeFactory.instance.objectNode();
        session.request("file.offers", empty)
                .thenAccept(answer -> answer.path("offers").forEach(o -> update(o.path("id").asText(),
                        t -> state(t, o.path("state")).withPeer(o.path("from").asText()))))
                .thenCompose(done -> session.request("file.sent", empty))
                .thenAccept(answer -> answer.path("transfers").forEach(o -> update(o.path("id").asText(),
                        t -> state(t, o.path("state")).withPeer(o.path("to").asText()))))
                .whenComplete((done, failure) -> {
                    loading.set(false);
                    if (failure != null) {
                        LOG.log(System.Logger.Level.INFO, "file offers not read; next try at the next row: " + failure);
                        return;
                    }
                    loaded = true;
                    observers.forEach(o -> transfers.keySet().forEach(o));
                });
    }

    private void pushed(ObjectNode body) {
        String id = body.path("id").asText("");
        if (!id.isEmpty()) {
            update(id, t -> state(t, body.path("state")).withPeer(peerOf(t, body.path("peer").asText(""))));
        }
    }

    /** A new offer to me arrives as a message of kind file: it is offered until the server says more. */
    private void offered(ChatMessage message) {
        if (!KIND.equals(message.kind()) || message.attachments() == null || message.attachments().isEmpty()
                || message.from().equals(self())) {
            return;
        }
        update(message.attachments().get(0).id(),
                t -> (t.state().isPresent() ? t : t.withState(FileState.OFFERED)).withPeer(message.from()));
    }

    /** The recipient's other sessions get pushes naming the recipient itself: keep the sender as the peer. */
    private String peerOf(Transfer known, String peer) {
        return peer.equals(owner) ? known.peer().orElse("") : peer;
    }

    private static Transfer state(Transfer known, JsonNode state) {
        return FileState.parse(state.asText("")).map(known::withState).orElse(known);
    }

    /** A new login of another user starts afresh: what one user saw is not shown to the next. */
    private void forgetOtherUsers() {
        String now = session.user().map(LoginResult::username).orElse(owner);
        if (!Objects.equals(now, owner)) {
            synchronized (this) {
                if (!Objects.equals(now, owner)) {
                    transfers.clear();
                    loaded = false;
                    owner = now;
                }
            }
        }
    }

    /** The logged-in user's name, "" when nobody is. */
    String self() {
        return session.user().map(LoginResult::username).orElse("");
    }

    Optional<String> capabilityProblem() {
        return session.serverCapabilities().containsKey(KIND) ? Optional.empty()
                : Optional.of("The server has no file-transfer plugin.");
    }
}
