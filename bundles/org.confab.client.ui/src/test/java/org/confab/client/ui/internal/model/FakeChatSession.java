package org.confab.client.ui.internal.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.confab.client.core.AdminClient;
import org.confab.client.core.ClientListener;
import org.confab.client.core.ConnectionState;
import org.confab.client.core.LoginResult;
import org.confab.client.core.OutgoingMessage;
import org.confab.client.core.PushListener;
import org.confab.client.core.PushSubscription;
import org.confab.client.ui.ChatSession;
import org.confab.client.ui.ServerAddress;
import org.confab.protocol.messages.Messages.ChatMessage;
import org.confab.protocol.messages.Messages.ChatSent;
import org.confab.protocol.messages.Messages.Delivered;
import org.confab.protocol.messages.Messages.HistoryRequest;
import org.confab.protocol.messages.Messages.MessagePage;
import org.confab.protocol.messages.Messages.PresenceEntry;
import org.confab.protocol.messages.Messages.Registered;
import org.confab.protocol.messages.Messages.SearchRequest;

/** A {@link ChatSession} whose answers the test gives by completing the recorded futures. */
final class FakeChatSession implements ChatSession {
    record History(HistoryRequest request, CompletableFuture<MessagePage> future) {
    }

    final List<ClientListener> listeners = new ArrayList<>();
    final List<CompletableFuture<ChatSent>> sends = new ArrayList<>();
    final List<OutgoingMessage> sent = new ArrayList<>();
    final List<History> histories = new ArrayList<>();
    /** Generic requests the controller made (read marks, statuses, typing), in order. */
    final List<Request> requests = new ArrayList<>();

    record Request(String type, ObjectNode body, CompletableFuture<ObjectNode> future) {
    }
    final List<CompletableFuture<List<PresenceEntry>>> presenceAnswers = new ArrayList<>();
    ConnectionState state = ConnectionState.CONNECTED;
    Map<String, String> capabilities = Map.of();

    void push(ChatMessage message) {
        listeners.forEach(l -> l.onMessage(message));
    }

    void pushRead(org.confab.protocol.messages.Messages.ReadMark mark) {
        listeners.forEach(l -> l.onRead(mark));
    }

    void pushDelivered(Delivered delivered) {
        listeners.forEach(l -> l.onDelivered(delivered));
    }

    void state(ConnectionState next, String reason) {
        state = next;
        listeners.forEach(l -> l.onConnectionState(next, reason));
    }

    @Override
    public Map<String, String> serverCapabilities() {
        return capabilities;
    }

    @Override
    public CompletableFuture<ObjectNode> request(String type, ObjectNode body) {
        CompletableFuture<ObjectNode> future = new CompletableFuture<>();
        requests.add(new Request(type, body, future));
        return future;
    }

    @Override
    public PushSubscription subscribe(String type, PushListener listener) {
        return new PushSubscription() {
            @Override
            public String type() {
                return type;
            }

            @Override
            public void close() {
                // nothing is pushed by the fake
            }
        };
    }

    @Override
    public ConnectionState state() {
        return state;
    }

    @Override
    public Optional<LoginResult> user() {
        return Optional.empty();
    }

    @Override
    public Optional<ServerAddress> server() {
        return Optional.of(new ServerAddress("localhost", 7777));
    }

    @Override
    public CompletableFuture<Registered> register(ServerAddress server, String username, String password,
            String displayName) {
        return new CompletableFuture<>();
    }

    @Override
    public CompletableFuture<LoginResult> login(ServerAddress server, String username, String password) {
        return new CompletableFuture<>();
    }

    @Override
    public CompletableFuture<Void> logout() {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> changePassword(String currentPassword, String newPassword) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<ChatSent> send(String peer, String clientMessageId, String text) {
        CompletableFuture<ChatSent> future = new CompletableFuture<>();
        sends.add(future);
        return future;
    }

    @Override
    public CompletableFuture<ChatSent> send(String peer, OutgoingMessage message) {
        sent.add(message);
        return send(peer, message.clientMessageId(), message.text());
    }

    @Override
    public CompletableFuture<MessagePage> history(HistoryRequest request) {
        CompletableFuture<MessagePage> future = new CompletableFuture<>();
        histories.add(new History(request, future));
        return future;
    }

    @Override
    public CompletableFuture<MessagePage> search(SearchRequest request) {
        return new CompletableFuture<>();
    }

    @Override
    public CompletableFuture<List<PresenceEntry>> presence() {
        CompletableFuture<List<PresenceEntry>> future = new CompletableFuture<>();
        presenceAnswers.add(future);
        return future;
    }

    @Override
    public Optional<AdminClient> admin() {
        return Optional.empty();
    }

    @Override
    public Optional<org.confab.client.core.AttachmentClient> attachments() {
        return Optional.empty();
    }

    @Override
    public void addListener(ClientListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(ClientListener listener) {
        listeners.remove(listener);
    }
}
