package org.confab.server.router.internal;

import org.confab.protocol.messages.MessageTypes;
import org.confab.server.api.ClientSession;
import org.confab.server.api.StoredMessage;
import org.confab.server.spi.MessageStore;
import org.confab.server.spi.NodePush;
import org.confab.server.spi.SessionRegistry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Pushes stored messages to their recipients: live ones at once, pending ones at login. A message
 * stays undelivered in the store until a client acknowledges it, so a push lost with a dying
 * connection is simply pushed again at the next login. Each session receives its messages through
 * its {@link SessionFeed}, so a message stored while the session's backlog is still being pushed
 * goes after that backlog, in id order.
 */
@Component(service = Deliveries.class)
public class Deliveries {
    private static final String FEED = "core.delivery.feed";

    private final SessionRegistry registry;
    private final MessageStore store;
    private final ClusterLink cluster;

    @Activate
    public Deliveries(@Reference SessionRegistry registry, @Reference MessageStore store, @Reference ClusterLink cluster) {
        this.registry = registry;
        this.store = store;
        this.cluster = cluster;
    }

    /** Pushes a just-stored message to every session of its recipient. */
    void pushLive(StoredMessage message) {
        pushTo(message.recipient(), message);
    }

    /**
     * Pushes a stored message to every session of {@code username}, each in its own protocol version,
     * on this node and, in a cluster, on the nodes that hold the user's other sessions.
     */
    void pushTo(String username, StoredMessage message) {
        for (ClientSession session : registry.sessionsOf(username)) {
            feedOf(session).offer(session, ChatPush.of(username, message));
        }
        if (cluster.clustered()) {
            cluster.others().push(username, new NodePush(
                    Replies.CODEC.frame(MessageTypes.CHAT_MESSAGE, 0, WireMessages.forVersion(2, message)),
                    Replies.CODEC.frame(MessageTypes.CHAT_MESSAGE, 0, WireMessages.forVersion(1, message))));
        }
    }

    /**
     * A {@code chat.message} another node stored and forwards to {@code username}'s sessions here:
     * like a live push of this node's own, it waits for a session's backlog.
     */
    void pushForwarded(String username, NodePush push) {
        for (ClientSession session : registry.sessionsOf(username)) {
            ChatPush.forwarded(username, push).ifPresentOrElse(message -> feedOf(session).offer(session, message),
                    () -> session.send(session.protocolVersion() == 1 ? push.versionOne() : push.frame()));
        }
    }

    /**
     * Starts pushing what waited for the session's user, oldest first. The backlog goes out a page
     * at a time, the next page when the client acknowledges (see {@link #continueBacklog}), so a
     * large backlog never floods the connection's send queue.
     */
    void pushPending(ClientSession session) {
        feedOf(session).start(session, store);
    }

    /** After an acknowledgement: pushes the next page of the backlog, if one is left. */
    void continueBacklog(ClientSession session) {
        feedOf(session).acknowledged(session, store);
    }

    private static SessionFeed feedOf(ClientSession session) {
        return (SessionFeed) session.attributes().computeIfAbsent(FEED,
                key -> new SessionFeed(session.username().orElseThrow()));
    }
}
