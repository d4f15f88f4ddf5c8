package org.confab.client.core.internal;

import java.util.ArrayList;
import java.util.List;

import org.confab.client.core.ConfabConnectionException;
import org.confab.client.core.ServerAddress;
import org.confab.client.core.UntrustedServerException;
import org.confab.protocol.messages.ClusterMessages.NodeAddress;

/**
 * Opens connections to the client's servers: a first connection goes to the first node that answers,
 * a reconnect attempt to the node after the one tried last, so a client whose node died moves on to
 * the next.
 */
final class Dialer {
    private final Connector connector;
    private final Nodes nodes;

    Dialer(Connector connector, Nodes nodes) {
        this.connector = connector;
        this.nodes = nodes;
    }

    /**
     * A connection to the first node, in the configured order, that answers the handshake. A node whose
     * certificate is not trusted ends the search at once: the caller asks its user (or reports), since a
     * first connection never goes past a refused certificate silently.
     *
     * @throws UntrustedServerException from the first node met whose certificate is not trusted
     * @throws RuntimeException the single node's failure, or for several a {@link ConfabConnectionException}
     *         naming each node's
     */
    Connection first(Connection.Events events) {
        List<ServerAddress> order = nodes.inOrder();
        List<String> failures = new ArrayList<>();
        RuntimeException last = null;
        for (ServerAddress node : order) {
            nodes.tried(node);
            try {
                return connector.open(node, nodes.vouched(node), events);
            } catch (UntrustedServerException e) {
                throw e;
            } catch (RuntimeException e) {
                last = e;
                failures.add(Failures.describe(e));
            }
        }
        if (order.size() == 1) {
            throw last;
        }
        throw new ConfabConnectionException("no server answered: " + String.join("; ", failures), last);
    }

    /** A connection to the node after the one tried last; a reconnect makes one such attempt per delay. */
    Connection next(Connection.Events events) {
        ServerAddress node = nodes.next();
        return connector.open(node, nodes.vouched(node), events);
    }

    /** The serving nodes a login answer listed, to fail over to (see {@link Nodes#learn}). */
    void learn(List<NodeAddress> announced) {
        nodes.learn(announced);
    }

    /** How many nodes there are to try. */
    int nodeCount() {
        return nodes.count();
    }
}
