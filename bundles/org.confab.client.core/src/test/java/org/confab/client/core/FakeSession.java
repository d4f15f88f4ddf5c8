package org.confab.client.core;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.net.Socket;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.confab.protocol.ErrorCode;
import org.confab.protocol.Frame;
import org.confab.protocol.FrameReader;
import org.confab.protocol.FrameWriter;
import org.confab.protocol.ProtocolException;
import org.confab.protocol.Scram;
import org.confab.protocol.messages.AdminMessages.OnlineSession;
import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.Messages.AuthChallenge;
import org.confab.protocol.messages.Messages.AuthFinish;
import org.confab.protocol.messages.Messages.AuthOk;
import org.confab.protocol.messages.Messages.AuthStart;
import org.confab.protocol.messages.Messages.ChatAck;
import org.confab.protocol.messages.Messages.ChatMessage;
import org.confab.protocol.messages.Messages.ChatSend;
import org.confab.protocol.messages.Messages.ChatSent;
import org.confab.protocol.messages.Messages.ErrorBody;
import org.confab.protocol.messages.Messages.Hello;
import org.confab.protocol.messages.Messages.HelloOk;
import org.confab.protocol.messages.Messages.HistoryRequest;
import org.confab.protocol.messages.Messages.MessagePage;
import org.confab.protocol.messages.Messages.PresenceEntry;
import org.confab.protocol.messages.Messages.PresenceList;
import org.confab.protocol.messages.Messages.Register;
import org.confab.protocol.messages.Messages.Registered;
import org.confab.protocol.messages.Messages.SessionClosed;

/** One client connection to the {@link FakeServer}. */
final class FakeSession {
    private final FakeServer server;
    private final Socket socket;
    private final FrameWriter writer;
    private volatile String user;
    private String loginName;
    private String clientNonce;
    private String combinedNonce;
    private FakeServer.User loginUser;
    private volatile String clientName;

    FakeSession(FakeServer server, Socket socket) throws IOException {
        this.server = server;
        this.socket = socket;
        this.writer = new FrameWriter(socket.getOutputStream(), server.codec);
    }

    String user() {
        return user;
    }

    boolean isOpen() {
        return !socket.isClosed();
    }

    /** This session as {@code admin.online} lists it. */
    OnlineSession describe() {
        return new OnlineSession(socket.getPort(), user, socket.getInetAddress().getHostAddress() + ":" + socket.getPort(),
                FakeAdmin.CREATED_AT, 3, clientName);
    }

    void run() {
        try {
            server.handshakeGate.await();
            FrameReader reader = new FrameReader(new BufferedInputStream(socket.getInputStream()), server.codec);
            for (Optional<Frame> frame = reader.read(); frame.isPresent(); frame = nextAfterGate(reader)) {
                // decided before recording: a test that saw the request may change the switch at once
                boolean ignored = server.ignoredTypes.contains(frame.get().type());
                server.record(frame.get());
                if (!ignored) {
                    handle(frame.get());
                }
            }
        } catch (IOException | ProtocolException | InterruptedException e) {
            // the client went away or the test closed us
        } finally {
            close();
        }
    }

    private Optional<Frame> nextAfterGate(FrameReader reader) throws IOException, ProtocolException,
            InterruptedException {
        server.readGate.await();
        return reader.read();
    }

    void push(String type, Object body) throws IOException {
        writer.write(server.codec.frame(type, 0, body));
    }

    /** Ends the session the way a server does: {@code session.closed}, then close. */
    void end(String code, String reason) throws IOException {
        push(MessageTypes.SESSION_CLOSED, new SessionClosed(code, reason));
        close();
    }

    void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    private void handle(Frame request) throws IOException, ProtocolException {
        switch (request.type()) {
            case MessageTypes.HELLO -> {
                clientName = server.codec.read(request, Hello.class).client();
                answer(request, new HelloOk(1, "fake/1", server.maxFrameBytes, server.heartbeatSeconds, 60,
                        server.capabilities, server.plugins));
                server.handshaken(this);
            }
            case MessageTypes.PING -> answer(request, Map.of());
            case MessageTypes.REGISTER -> register(request, server.codec.read(request, Register.class));
            case MessageTypes.AUTH_START -> authStart(request, server.codec.read(request, AuthStart.class));
            case MessageTypes.AUTH_FINISH -> authFinish(request, server.codec.read(request, AuthFinish.class));
            case MessageTypes.CHAT_SEND -> chatSend(request, server.codec.read(request, ChatSend.class));
            case MessageTypes.CHAT_ACK -> {
                server.acked.addAll(server.codec.read(request, ChatAck.class).messageIds());
                if (request.rid() != 0) { // without rid it is a notification: no answer
                    answer(request, Map.of());
                }
            }
            case MessageTypes.PRESENCE_LIST -> answer(request, new PresenceList(server.users.values().stream()
                    .map(u -> new PresenceEntry(u.name(), u.displayName(), server.isOnline(u.name()))).toList()));
            case MessageTypes.CHAT_HISTORY -> history(request, server.codec.read(request, HistoryRequest.class));
            case MessageTypes.LOGOUT -> {
                answer(request, Map.of());
                close();
            }
            default -> {
                FakeServer.PluginHandler plugin = server.pluginHandlers.get(request.type());
                if (plugin != null) {
                    plugin.handle(this, request);
                } else if (request.type().startsWith("admin.")) {
                    server.admin.handle(this, request);
                } else {
                    error(request, ErrorCode.UNKNOWN_TYPE, request.type());
                }
            }
        }
    }

    private void register(Frame request, Register register) throws IOException {
        String name = register.username().toLowerCase(Locale.ROOT);
        if (server.users.containsKey(name)) {
            error(request, ErrorCode.USERNAME_TAKEN, "the username '" + name + "' is taken");
            return;
        }
        server.addUser(name, register.password(),
                register.displayName() != null ? register.displayName() : "User " + name);
        answer(request, new Registered(name, server.users.get(name).displayName()));
    }

    private void authStart(Frame request, AuthStart start) throws IOException {
        loginName = start.username();
        clientNonce = start.clientNonce();
        combinedNonce = server.withholdServerNonce ? clientNonce : clientNonce + Scram.nonce();
        loginUser = server.users.get(start.username().toLowerCase(Locale.ROOT));
        Scram.Credentials credentials = loginUser != null ? loginUser.credentials()
                : Scram.create(Scram.nonce(), Scram.MIN_ITERATIONS);
        answer(request, new AuthChallenge(Scram.base64(credentials.salt()), credentials.iterations(), combinedNonce));
    }

    private void authFinish(Frame request, AuthFinish finish) throws IOException, ProtocolException {
        if (loginUser == null || !finish.nonce().equals(combinedNonce)) {
            error(request, ErrorCode.AUTH_FAILED, "wrong username or password");
            return;
        }
        Scram.Credentials credentials = loginUser.credentials();
        String authMessage = Scram.authMessage(loginName, clientNonce, credentials.salt(), credentials.iterations(),
                combinedNonce);
        if (!Scram.verifyProof(credentials.storedKey(), authMessage, Scram.fromBase64("proof", finish.proof()))) {
            error(request, ErrorCode.AUTH_FAILED, "wrong username or password");
            return;
        }
        byte[] signature = server.forgeSignature ? Scram.randomBytes(32)
                : Scram.serverSignature(credentials.serverKey(), authMessage);
        user = loginUser.name();
        server.logins.incrementAndGet();
        answer(request, new AuthOk(user, loginUser.displayName(), server.admins.contains(user), Scram.base64(signature),
                server.announcedNodes));
        for (ChatMessage message : server.backlog) {
            push(MessageTypes.CHAT_MESSAGE, message);
        }
    }

    private void chatSend(Frame request, ChatSend send) throws IOException {
        if (user == null) {
            error(request, ErrorCode.NOT_AUTHENTICATED, "log in first");
            return;
        }
        if (!server.users.containsKey(send.to())) {
            error(request, ErrorCode.NO_SUCH_USER, "no user " + send.to());
            return;
        }
        FakeServer.Stored existing = server.storedByClientId.get(send.clientMessageId());
        if (existing != null) {
            answer(request, new ChatSent(existing.messageId(), existing.timestamp(), true));
            return;
        }
        FakeServer.Stored stored = new FakeServer.Stored(server.nextMessageId.incrementAndGet(),
                System.currentTimeMillis());
        server.storedByClientId.put(send.clientMessageId(), stored);
        server.storedMessages.add(new ChatMessage(stored.messageId(), user, send.to(), send.text(), stored.timestamp(),
                send.clientMessageId(), false, send.kind(), send.meta(), send.attachments()));
        if (server.dropAfterStoringSends.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            close(); // stored, but the acknowledgement is lost with the connection
            return;
        }
        answer(request, new ChatSent(stored.messageId(), stored.timestamp(), false));
    }

    private void history(Frame request, HistoryRequest query) throws IOException {
        List<ChatMessage> page = server.storedMessages.stream()
                .filter(m -> m.from().equals(query.peer()) || m.to().equals(query.peer()))
                .filter(m -> query.beforeId() == null || m.messageId() < query.beforeId())
                .sorted(Comparator.comparingLong(ChatMessage::messageId).reversed()).toList();
        answer(request, new MessagePage(page.stream().limit(query.limit()).toList(), page.size() > query.limit()));
    }

    void answer(Frame request, Object body) throws IOException {
        writer.write(server.codec.frame(request.okType(), request.rid(), body));
    }

    /** An answer carrying binary data (a binary frame). */
    void answer(Frame request, Object body, byte[] data) throws IOException {
        writer.write(server.codec.frame(request.okType(), request.rid(), body).withData(data));
    }

    void error(Frame request, ErrorCode code, String message) throws IOException {
        error(request, code.name(), message);
    }

    /** An error with any wire code, such as a plugin's own. */
    void error(Frame request, String wireCode, String message) throws IOException {
        writer.write(server.codec.frame(MessageTypes.ERROR, request.rid(), new ErrorBody(wireCode, message)));
    }
}
