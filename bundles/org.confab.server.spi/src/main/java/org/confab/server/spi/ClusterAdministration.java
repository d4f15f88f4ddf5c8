package org.confab.server.spi;

import java.util.List;

import org.confab.protocol.messages.ClusterMessages.ClusterHealth;
import org.confab.protocol.messages.AdminMessages.OnlineSession;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Administration across the nodes of a cluster: what the other nodes answer when asked, each within
 * a bounded wait. Registered only by a cluster node; a single server has none, and administration
 * stays what it was.
 */
@ProviderType
public interface ClusterAdministration {

    /** The name of this node. */
    String self();

    /** The logged-in sessions on the other live nodes, each named with its node. */
    Gathered<List<OnlineSession>> sessionsElsewhere();

    /**
     * Closes {@code username}'s sessions on the other nodes with {@code session.closed} and counts
     * those closed by the nodes that answered in time.
     */
    Gathered<Integer> closeElsewhere(String username, String code, String reason);

    /** How the cluster stands as this node sees it. */
    ClusterHealth health();
}
