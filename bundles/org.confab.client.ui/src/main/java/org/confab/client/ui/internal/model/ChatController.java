package org.confab.client.ui.internal.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import org.confab.client.core.ClientListener;
import org.confab.client.core.OutgoingMessage;
import org.confab.client.core.ConnectionState;
import org.confab.client.core.LoginResult;
import org.confab.client.ui.ChatSession;
import org.confab.protocol.messages.AdminMessages.Notice;
import org.confab.protocol.messages.Messages.ChatMessage;
import org.confab.protocol.messages.Messages.ChatSent;
import org.confab.protocol.messages.Messages.Delivered;
import org.confab.protocol.messages.Messages.HistoryRequest;
import org.confab.protocol.messages.Messages;
import org.confab.protocol.messages.Messages.PresenceEntry;
import org.confab.protocol.messages.Messages.ReadMark;
import org.confab.protocol.messages.Messages.Typing;
import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.PresenceStatus;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * The presenter between the {@link ChatSession} and the window: turns pushes into model changes
 * (conversations, contacts, unread counts) and user actions into requests. Everything here runs on the
 * {@code ui} executor (the display thread in the application); network answers hop back onto it.
 * Messages and receipts that arrive before the login's answer wait for it, since only then do we know
 * which side of a conversation we are.
 */
public final class ChatController {
    static final int PAGE_SIZE = 50;

    private final ChatSession session;
    private final Executor ui;
    private final Attention attention;
    private final LongSupplier clock;
    private final UnreadCounter unread = new UnreadCounter();
    private final ContactsModel contacts = new ContactsModel(unread);
    private final Map<String, ConversationModel> conversations = new HashMap<>();
    private final List<Runnable> waitingForLogin = new ArrayList<>();
    private final Map<ConversationModel, Boolean> loading = new HashMap<>();
    private final Observers connectionObservers = new Observers();
    private final List<Consumer<ServerNotice>> noticeObservers = new CopyOnWriteArrayList<>();
    private final ClientListener listener = new UiListener();
    private ConnectionState state = ConnectionState.DISCONNECTED;
    private String stateReason = "";
    private long stateSince;
    private String self;
    private long loggedInAt;
    /** The status this user set (sent again after every login and reconnect: the server forgets it with the session). */
    private String status = PresenceStatus.AVAILABLE;
    /** When each peer last said they are typing to us. */
    private final Map<String, Long> typingSince = new HashMap<>();
    private final Map<String, TypingNotices> typingNotices = new HashMap<>();
    private final Observers typingObservers = new Observers();
    private boolean sendTyping = true;
    /** Read receipts both ways (a preference): off, this user sends no read marks and is shown none. */
    private BooleanSupplier readReceipts = () -> true;
    /** The read mark last sent per peer since the login or reconnect (0: only asked). */
    private final Map<String, Long> readMarksSent = new HashMap<>();

    public ChatController(ChatSession session, Executor ui, Attention attention, LongSupplier clock) {
        this.session = session;
        this.ui = ui;
        this.attention = attention;
        this.clock = clock;
    }

    public void start() {
        session.addListener(listener);
    }

    public void stop() {
        session.removeListener(listener);
    }

    /** A login succeeded: starts afresh for this user. */
    public void loggedIn(LoginResult user) {
        self = user.username();
        loggedInAt = clock.getAsLong();
        conversations.clear();
        readMarksSent.clear();
        unread.clearAll();
        contacts.setSelf(self);
        state = session.state();
        stateReason = "";
        stateSince = clock.getAsLong();
        connectionObservers.changed();
        refreshPresence();
        sendStatus(false);
        List<Runnable> waiting = List.copyOf(waitingForLogin);
        waitingForLogin.clear();
        waiting.forEach(Runnable::run);
    }

    /** The user logged out: forget everything until the next login. */
    public void loggedOut() {
        self = null;
        status = PresenceStatus.AVAILABLE;
        typingSince.clear();
        typingNotices.clear();
        readMarksSent.clear();
        conversations.clear();
        loading.clear();
        unread.clearAll();
        contacts.clear();
        waitingForLogin.clear();
        connectionObservers.changed();
    }

    public Optional<String> self() {
        return Optional.ofNullable(self);
    }

    public ContactsModel contacts() {
        return contacts;
    }

    public UnreadCounter unread() {
        return unread;
    }

    public ChatSession session() {
        return session;
    }

    public ConnectionState state() {
        return state;
    }

    public String stateReason() {
        return stateReason;
    }

    /** When the connection entered its current state, in milliseconds since the epoch. */
    public long stateSince() {
        return stateSince;
    }

    public void addConnectionObserver(Runnable observer) {
        connectionObservers.add(observer);
    }

    public void removeConnectionObserver(Runnable observer) {
        connectionObservers.remove(observer);
    }

    /**
     * Called on the UI executor with what the server says to this user: a session it ended (kick,
     * lock, deletion, a login elsewhere) or an administrator's notice.
     */
    public void addNoticeObserver(Consumer<ServerNotice> observer) {
        noticeObservers.add(observer);
    }

    /** The conversation with a peer, created empty on first use. */
    public ConversationModel conversation(String peer) {
        return conversations.computeIfAbsent(peer, p -> new ConversationModel(self == null ? "" : self, p));
    }

    /** Sends a message: shown at once as "sending", then stored or failed when the server answers. */
    public CompletableFuture<ChatSent> send(String peer, String text) {
        return send(peer, OutgoingMessage.text(text));
    }

    /** Sends a message of any kind, shown at once like a typed one. */
    public CompletableFuture<ChatSent> send(String peer, OutgoingMessage message) {
        String clientMessageId = message.clientMessageId();
        ConversationModel conversation = conversation(peer);
        conversation.addSending(clientMessageId, Content.of(message), clock.getAsLong());
        CompletableFuture<ChatSent> sent = session.send(peer, message);
        sent.whenComplete((answer, error) -> ui.execute(() -> {
            if (error == null) {
                conversation.stored(clientMessageId, answer);
            } else {
                conversation.failed(clientMessageId, Problems.describe(error));
            }
        }));
        return sent;
    }

    /** Loads the newest page of a conversation once. */
    public void loadLatest(String peer) {
        ConversationModel conversation = conversation(peer);
        if (!conversation.latestLoaded()) {
            load(conversation, null, false);
        }
    }

    /** Loads the page before the oldest loaded message; false when there is nothing (more) to load. */
    public boolean loadOlder(String peer) {
        ConversationModel conversation = conversation(peer);
        if (!conversation.latestLoaded() || !conversation.olderAvailable() || conversation.oldestId().isEmpty()) {
            return false;
        }
        return load(conversation, conversation.oldestId().getAsLong(), true);
    }

    /** The user looks at a conversation now: its messages count as read. */
    public void viewed(String peer) {
        unread.clear(peer);
        // a conversation can take the focus in a window in the background (opened for offline messages)
        sendReadMark(peer, attention.isLookingAt(peer));
    }

    /**
     * Whether read receipts go both ways (a preference, on by default, asked each time). Off, this client sends no read
     * marks and shows no peer's, as WhatsApp does: who does not tell does not learn.
     */
    public void readReceipts(BooleanSupplier on) {
        readReceipts = on;
    }

    /**
     * Tells the server how far this user has read the peer's messages when {@code looking} (the
     * conversation is visible in the focused window), else only asks; the answer says how far the
     * peer has read ours. Sent once per conversation and then only when the mark moves.
     */
    private void sendReadMark(String peer, boolean looking) {
        if (!readReceipts.getAsBoolean() || self == null || !session.serverCapabilities().containsKey(Messages.READ_CAPABILITY)) {
            return;
        }
        ConversationModel conversation = conversation(peer);
        long upTo = looking ? conversation.newestReceivedId() : 0;
        Long sent = readMarksSent.get(peer);
        if (sent != null && upTo <= sent) {
            return;
        }
        readMarksSent.put(peer, upTo);
        session.request(MessageTypes.CHAT_READ, JsonNodeFactory.instance.objectNode().put("with", peer).put("upTo", upTo))
                .whenComplete((answer, error) -> {
                    if (error == null) {
                        ui.execute(() -> conversation.readByPeer(answer.path("peerRead").asLong()));
                    }
                });
    }

    private void onRead(ReadMark mark) {
        if (!readReceipts.getAsBoolean()) {
            return;
        }
        if (mark.reader().equals(self)) {
            // read in another session of this user: nothing unread there is unread here
            if (mark.upTo() >= conversation(mark.sender()).newestReceivedId()) {
                unread.clear(mark.sender());
            }
        } else if (mark.sender().equals(self)) {
            conversation(mark.reader()).readByPeer(mark.upTo());
        }
    }

    /** This user's status: available, away or busy. */
    public String status() {
        return status;
    }

    /** Sets this user's status and tells the server (now, and again after each login and reconnect). */
    public void setStatus(String next) {
        if (!PresenceStatus.ALL.contains(next) || next.equals(status)) {
            return;
        }
        status = next;
        connectionObservers.changed();
        sendStatus(true);
    }

    /** Tells the server this user's status; after a (re)login only when it is not the default it starts with. */
    private void sendStatus(boolean evenIfAvailable) {
        if (self != null && (evenIfAvailable || !PresenceStatus.AVAILABLE.equals(status))
                && session.serverCapabilities().containsKey(PresenceStatus.CAPABILITY)) {
            session.request(MessageTypes.PRESENCE_SET, JsonNodeFactory.instance.objectNode().put("status", status));
        }
    }

    /** Whether the composer's edits tell peers that this user is typing (a preference). */
    public void sendTypingNotices(boolean on) {
        sendTyping = on;
    }

    /** The composer of a conversation changed: tells the peer "typing" or "stopped" when it is time to. */
    public void composerEdited(String peer, String text) {
        tellTyping(peer, typingNotices.computeIfAbsent(peer, p -> new TypingNotices()).edited(text, clock.getAsLong()));
    }

    /** The message was sent or the conversation closed: the peer hears "stopped" if it heard "typing". */
    public void composerDone(String peer) {
        TypingNotices notices = typingNotices.get(peer);
        if (notices != null) {
            tellTyping(peer, notices.stopped());
        }
    }

    private void tellTyping(String peer, Optional<Boolean> notice) {
        if (notice.isPresent() && sendTyping && self != null
                && session.serverCapabilities().containsKey(PresenceStatus.TYPING_CAPABILITY)) {
            session.request(MessageTypes.CHAT_TYPING,
                    JsonNodeFactory.instance.objectNode().put("to", peer).put("typing", notice.get()));
        }
    }

    /** Whether a peer is typing to us now: told so less than {@link TypingNotices#SHOWN_MILLIS} ago. */
    public boolean peerTyping(String peer) {
        Long since = typingSince.get(peer);
        return since != null && clock.getAsLong() - since < TypingNotices.SHOWN_MILLIS;
    }

    /** Told when a peer starts or stops typing (the indicator fades by time too: ask {@link #peerTyping} again). */
    public void addTypingObserver(Runnable observer) {
        typingObservers.add(observer);
    }

    public void removeTypingObserver(Runnable observer) {
        typingObservers.remove(observer);
    }

    /** Asks the server who is online; the answer replaces the contact list. */
    public void refreshPresence() {
        session.presence().whenComplete((users, error) -> {
            if (error == null) {
                ui.execute(() -> contacts.replaceAll(users));
            }
        });
    }

    private boolean load(ConversationModel conversation, Long beforeId, boolean older) {
        if (loading.putIfAbsent(conversation, Boolean.TRUE) != null) {
            return false;
        }
        session.history(new HistoryRequest(conversation.peer(), beforeId, PAGE_SIZE))
                .whenComplete((page, error) -> ui.execute(() -> {
                    loading.remove(conversation);
                    if (error == null) {
                        conversation.addPage(page, older);
                        if (!older) {
                            sendReadMark(conversation.peer(), attention.isLookingAt(conversation.peer()));
                        }
                    }
                }));
        return true;
    }

    private void onMessage(ChatMessage message) {
        boolean own = message.from().equals(self);
        String peer = own ? message.to() : message.from();
        if (!own && typingSince.remove(peer) != null) {
            typingObservers.changed();
        }
        if (!conversation(peer).received(message) || own) {
            return;
        }
        if (!attention.isLookingAt(peer)) {
            unread.increment(peer);
        } else {
            sendReadMark(peer, true);
        }
        if (message.timestamp() < loggedInAt) {
            attention.showConversation(peer);
        }
        attention.messageArrived(peer, contacts.displayName(peer), message.text());
    }

    private void onConnectionState(ConnectionState next, String reason) {
        ConnectionState previous = state;
        state = next;
        stateReason = reason;
        stateSince = clock.getAsLong();
        if (next != ConnectionState.CONNECTED) {
            // without a connection nobody tells us who comes and goes: green dots would be guesses
            contacts.presenceUnknown();
        } else if (previous == ConnectionState.RECONNECTING && self != null) {
            refreshPresence();
            sendStatus(false);
            // marks pushed while we were away are lost: ask again for every conversation loaded
            readMarksSent.clear();
            conversations.values().stream().filter(ConversationModel::latestLoaded).map(ConversationModel::peer)
                    .toList().forEach(peer -> sendReadMark(peer, attention.isLookingAt(peer)));
        }
        connectionObservers.changed();
    }

    private void whenLoggedIn(Runnable work) {
        if (self == null) {
            waitingForLogin.add(work);
        } else {
            work.run();
        }
    }

    /** Forwards the session's events onto the UI executor, in order. */
    private final class UiListener implements ClientListener {
        @Override
        public void onMessage(ChatMessage message) {
            ui.execute(() -> whenLoggedIn(() -> ChatController.this.onMessage(message)));
        }

        @Override
        public void onDelivered(Delivered delivered) {
            ui.execute(() -> whenLoggedIn(() -> conversation(delivered.to()).delivered(delivered.messageIds())));
        }

        @Override
        public void onPresence(PresenceEntry presence) {
            ui.execute(() -> contacts.update(presence));
        }

        @Override
        public void onConnectionState(ConnectionState next, String reason) {
            ui.execute(() -> ChatController.this.onConnectionState(next, reason));
        }

        @Override
        public void onTyping(Typing typing) {
            ui.execute(() -> {
                if (typing.typing()) {
                    typingSince.put(typing.from(), clock.getAsLong());
                } else {
                    typingSince.remove(typing.from());
                }
                typingObservers.changed();
            });
        }

        @Override
        public void onRead(ReadMark mark) {
            ui.execute(() -> whenLoggedIn(() -> ChatController.this.onRead(mark)));
        }

        @Override
        public void onSessionClosed(String code, String reason) {
            ServerNotice.sessionClosed(code, reason).ifPresent(
                    notice -> ui.execute(() -> noticeObservers.forEach(observer -> observer.accept(notice))));
        }

        @Override
        public void onAdminNotice(Notice notice) {
            ServerNotice shown = ServerNotice.announcement(notice);
            ui.execute(() -> noticeObservers.forEach(observer -> observer.accept(shown)));
        }
    }
}
