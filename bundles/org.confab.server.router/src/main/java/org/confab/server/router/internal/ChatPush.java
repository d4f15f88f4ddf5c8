package org.confab.server.router.internal;

import java.util.Optional;
import java.util.function.Function;

import org.confab.protocol.Frame;
import org.confab.protocol.messages.MessageTypes;
import org.confab.server.api.ClientSession;
import org.confab.server.api.StoredMessage;
import org.confab.server.spi.NodePush;

/**
 * One stored message on its way to one user's sessions as {@code chat.message}: {@code pending} when
 * that user is its recipient, so it waits in the store until acknowledged and the backlog's reads
 * find it; a copy for the sender's other sessions is not pending for them.
 */
record ChatPush(long id, boolean pending, Function<ClientSession, Frame> frameFor) {

    /** A message stored on this node, in each session's own protocol version. */
    static ChatPush of(String username, StoredMessage message) {
        return new ChatPush(message.id(), message.recipient().equals(username), session -> Replies.CODEC
                .frame(MessageTypes.CHAT_MESSAGE, 0, WireMessages.forSession(session, message)));
    }

    /**
     * A message another node stored and forwards in both protocol versions; empty when its frame
     * does not name a message id (nothing a node of this version sends).
     */
    static Optional<ChatPush> forwarded(String username, NodePush push) {
        long id = push.frame().body().path("messageId").asLong(-1);
        if (id < 0) {
            return Optional.empty();
        }
        boolean pending = username.equals(push.frame().body().path("to").asText(null));
        return Optional.of(new ChatPush(id, pending,
                session -> session.protocolVersion() == 1 ? push.versionOne() : push.frame()));
    }

    /** Queues the message on the session; false when the session did not take it (closed or overflowing). */
    boolean sendTo(ClientSession session) {
        return session.send(frameFor.apply(session));
    }
}
