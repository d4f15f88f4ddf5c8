package org.confab.client.core.internal;

import java.util.Set;

import org.confab.client.core.ConfabException;
import org.confab.protocol.Frame;
import org.confab.protocol.messages.AdminMessages.Notice;
import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.Messages.ChatMessage;
import org.confab.protocol.messages.Messages.Delivered;
import org.confab.protocol.messages.Messages.ErrorBody;
import org.confab.protocol.messages.Messages.PresenceEntry;
import org.confab.protocol.messages.Messages.ReadMark;
import org.confab.protocol.messages.Messages.SessionClosed;
import org.confab.protocol.messages.Messages.Typing;

/**
 * Turns server pushes into listener calls; pushes of other types go to their {@link PushSubscribers}.
 * Chat messages are reported once per message id however
 * often the server delivers them, and acknowledged after the listeners returned when automatic
 * acknowledgement is on. A {@code session.closed} push is first handed to the session (on the reader
 * thread, so the reconnect decision is taken before the socket closes) and then to listeners.
 */
final class PushDispatcher {
    private static final System.Logger LOG = System.getLogger(PushDispatcher.class.getName());

    /** Receives the pushes that concern the session rather than the application. */
    interface SessionEvents {
        void onSessionClosed(Connection connection, SessionClosed closed);
    }

    /**
     * The pushes handled here, reported through {@code ClientListener}: no {@code PushListener} may
     * subscribe to them, since it would see duplicates the listener calls filter out and could not take
     * part in acknowledging.
     */
    static final Set<String> HANDLED = Set.of(MessageTypes.CHAT_MESSAGE, MessageTypes.CHAT_DELIVERED,
            MessageTypes.PRESENCE_UPDATE, MessageTypes.CHAT_TYPING_UPDATE, MessageTypes.CHAT_READ_UPDATE,
            MessageTypes.SESSION_CLOSED, MessageTypes.ADMIN_NOTICE, MessageTypes.ERROR);

    private final ListenerRegistry listeners;
    private final PushSubscribers subscribers;
    private final RecentIds recent;
    private final AckBatcher acks;
    private final boolean autoAck;
    private final SessionEvents session;

    PushDispatcher(ListenerRegistry listeners, PushSubscribers subscribers, RecentIds recent, AckBatcher acks,
            boolean autoAck, SessionEvents session) {
        this.listeners = listeners;
        this.subscribers = subscribers;
        this.recent = recent;
        this.acks = acks;
        this.autoAck = autoAck;
        this.session = session;
    }

    void onPush(Connection connection, Frame push) {
        try {
            switch (push.type()) {
                case MessageTypes.CHAT_MESSAGE -> onChatMessage(connection.read(push, ChatMessage.class));
                case MessageTypes.CHAT_DELIVERED -> {
                    Delivered delivered = connection.read(push, Delivered.class);
                    listeners.fire(listener -> listener.onDelivered(delivered));
                }
                case MessageTypes.PRESENCE_UPDATE -> {
                    PresenceEntry presence = connection.read(push, PresenceEntry.class);
                    listeners.fire(listener -> listener.onPresence(presence));
                }
                case MessageTypes.CHAT_TYPING_UPDATE -> {
                    Typing typing = connection.read(push, Typing.class);
                    listeners.fire(listener -> listener.onTyping(typing));
                }
                case MessageTypes.CHAT_READ_UPDATE -> {
                    ReadMark mark = connection.read(push, ReadMark.class);
                    listeners.fire(listener -> listener.onRead(mark));
                }
                case MessageTypes.SESSION_CLOSED -> {
                    SessionClosed closed = connection.read(push, SessionClosed.class);
                    session.onSessionClosed(connection, closed);
                    listeners.fire(listener -> listener.onSessionClosed(closed.code(), String.valueOf(closed.reason())));
                }
                case MessageTypes.ADMIN_NOTICE -> {
                    Notice notice = connection.read(push, Notice.class);
                    listeners.fire(listener -> listener.onAdminNotice(notice));
                }
                case MessageTypes.ERROR -> {
                    ErrorBody error = connection.read(push, ErrorBody.class);
                    LOG.log(System.Logger.Level.WARNING, "server reported {0}: {1}", error.code(), error.message());
                }
                default -> {
                    if (!subscribers.deliver(push)) {
                        LOG.log(System.Logger.Level.DEBUG, "ignoring push {0}: nobody subscribed", push.type());
                    }
                }
            }
        } catch (ConfabException e) {
            LOG.log(System.Logger.Level.WARNING, "ignoring malformed push: {0}", e.getMessage());
        }
    }

    private void onChatMessage(ChatMessage message) {
        long id = message.messageId();
        if (recent.firstSighting(id)) {
            listeners.fire(listener -> listener.onMessage(message), () -> {
                if (autoAck) {
                    recent.markAcked(id);
                    acks.add(id);
                }
            });
        } else if (autoAck || recent.isAcked(id)) {
            // The server sends it again because it never got our acknowledgement.
            acks.add(id);
        }
    }
}
