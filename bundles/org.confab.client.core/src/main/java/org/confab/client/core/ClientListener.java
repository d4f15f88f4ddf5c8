package org.confab.client.core;

import org.confab.protocol.messages.AdminMessages.Notice;
import org.confab.protocol.messages.Messages.ChatMessage;
import org.confab.protocol.messages.Messages.Delivered;
import org.confab.protocol.messages.Messages.PresenceEntry;
import org.confab.protocol.messages.Messages.ReadMark;
import org.confab.protocol.messages.Messages.Typing;

/**
 * Receives what the server pushes and how the connection fares. Every method has an empty default, so
 * an implementation overrides only what it needs.
 * <p>
 * Calls arrive one at a time, in the order the client observed the events, on the
 * {@linkplain ClientOptions#listenerExecutor() listener executor} &mdash; never on the socket's reader
 * thread, so a slow listener delays other listeners but not the connection. An exception thrown by a
 * listener is logged and does not affect other listeners.
 */
public interface ClientListener {

    /**
     * A chat message for the logged-in user, including ones stored while it was offline. Each message
     * id is reported once even though the server may deliver it again. With
     * {@linkplain ClientOptions#autoAck() automatic acknowledgement} the client tells the server it has
     * the message after all listeners returned; otherwise call {@link ConfabClient#ack}.
     */
    default void onMessage(ChatMessage message) {
    }

    /** Messages this user sent have reached their recipient. */
    default void onDelivered(Delivered delivered) {
    }

    /** A user came online, went offline, changed their status or display name. */
    default void onPresence(PresenceEntry presence) {
    }

    /**
     * A peer started or stopped typing to this user ({@code chat.typing.update}). A client shows "typing" for a
     * while after the last {@code true} (peers repeat it while they type) and until a {@code false} or
     * a message from that peer.
     */
    default void onTyping(Typing typing) {
    }

    /**
     * A read mark ({@code chat.read.update}): when {@link ReadMark#reader()} is a peer, they have read
     * this user's messages up to {@link ReadMark#upTo()} (a read receipt); when it is this user, another
     * of their sessions read the peer's messages that far.
     */
    default void onRead(ReadMark mark) {
    }

    /**
     * The connection changed state.
     *
     * @param reason why, for a human; empty when there is nothing to say. Starts with
     *        {@link UntrustedServerException#REASON_CODE} when reconnecting stopped because the server's
     *        certificate is not the trusted one.
     */
    default void onConnectionState(ConnectionState state, String reason) {
    }

    /**
     * The server announced it is closing this session, for example {@code KICKED}, {@code SHUTDOWN},
     * {@code IDLE_TIMEOUT} or {@code REPLACED}. After {@code KICKED} or {@code REPLACED} the client does
     * not reconnect on its own.
     */
    default void onSessionClosed(String code, String reason) {
    }

    /**
     * An administrator sent a notice to everyone online ({@code admin.notice}), for example that the
     * server restarts soon. {@link Notice#from()} is the administrator's username, or {@code console}
     * when it was sent from the server console. Notices are not stored: only logged-in sessions get them.
     */
    default void onAdminNotice(Notice notice) {
    }
}
