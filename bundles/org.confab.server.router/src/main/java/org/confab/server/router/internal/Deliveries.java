package org.confab.server.router.internal;

import java.util.List;

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
 * connection is simply pushed again at the next login.
 */
@Component(service = Deliveries.class)
public class Deliveries {
    private static final int PAGE = 500;
    private static final String BACKLOG_AFTER = "core.delivery.backlogAfter";

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
            Replies.push(session, MessageTypes.CHAT_MESSAGE, WireMessages.forSession(session, message));
        }
        if (cluster.clustered()) {
            cluster.others().push(username, new NodePush(
                    Replies.CODEC.frame(MessageTypes.CHAT_MESSAGE, 0, WireMessages.forVersion(2, message)),
                    Replies.CODEC.frame(MessageTypes.CHAT_MESSAGE, 0, WireMessages.forVersion(1, message))));
        }
    }

    /**
     * Starts pushing what waited for the session's user, oldest first. The backlog goes out a page
     * at a time, the next page when the client acknowledges (see {@link #continueBacklog}), so a
     * large backlog never floods the connection's send queue.
     */
    void pushPending(ClientSession session) {
        pushPage(session, 0);
    }

    /** After an acknowledgement: pushes the next page of the backlog, if one is left. */
    void continueBacklog(ClientSession session) {
        Object after = session.attributes().remove(BACKLOG_AFTER);
        if (after instanceof Long lastPushed) {
            pushPage(session, lastPushed);
        }
    }

    private void pushPage(ClientSession session, long after) {
        String username = session.username().orElseThrow();
        List<StoredMessage> page = store.undelivered(username, after, PAGE);
        long last = after;
        for (StoredMessage message : page) {
            if (!Replies.pushed(session, MessageTypes.CHAT_MESSAGE, WireMessages.forSession(session, message))) {
                return;
            }
            last = message.id();
        }
        if (page.size() == PAGE) {
            session.attributes().put(BACKLOG_AFTER, last);
        }
    }
}
