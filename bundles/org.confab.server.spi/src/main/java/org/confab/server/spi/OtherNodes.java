package org.confab.server.spi;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.confab.protocol.Frame;
import org.confab.protocol.messages.ClusterMessages;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The other server nodes of a cluster, as the router and administration see them. Registered only by
 * a node started with a cluster engine; without one the router uses a local stand-in that knows no
 * other node, so a single server does no more work than before clustering existed.
 *
 * <p>Everything here is best effort towards live sessions: a push that does not arrive leaves a
 * stored message undelivered in the shared database, where the recipient's next login finds it.
 */
@ProviderType
public interface OtherNodes {

    /** Whether {@code username} has a logged-in session on another live node. */
    boolean isOnlineElsewhere(String username);

    /** Users with a logged-in session on another live node. */
    Set<String> onlineElsewhere();

    /**
     * This node's sessions of {@code username} changed: {@code any} tells whether it still holds one.
     * Called before the user's login is answered (so a message stored afterwards is pushed here) and
     * after a session ended.
     */
    void localSessions(String username, boolean any);

    /** Pushes a frame to {@code username}'s sessions on the other nodes. */
    void push(String username, NodePush push);

    /** Pushes a frame to every logged-in session on the other nodes. */
    void broadcast(Frame frame);

    /** Closes {@code username}'s sessions on the other nodes with {@code session.closed}. */
    void closeSessions(String username, String code, String reason);

    /**
     * Pushes a plugin's frame to {@code username}'s sessions on the other nodes whose client announced
     * {@code capability} in its hello.
     */
    default void push(String username, String capability, Frame frame) {
    }

    /** {@code username} set a presence status on this node: every node lists the user with it. */
    default void statusChanged(String username, String status) {
    }

    /**
     * The presence status {@code username} set last, on any node, while online in the cluster; empty
     * when none is known.
     */
    default Optional<String> sharedStatus(String username) {
        return Optional.empty();
    }

    /**
     * This node and the other serving nodes as clients reach them (address and, with TLS, certificate
     * fingerprint), for the list a login answer gives clients to fail over to; empty on a single server.
     */
    default List<ClusterMessages.NodeAddress> servingNodes() {
        return List.of();
    }
}
