package org.confab.server.router.internal;

import java.util.Optional;
import java.util.Set;

import org.confab.protocol.Frame;
import org.confab.server.spi.LoginGate;
import org.confab.server.spi.NodePush;
import org.confab.server.spi.OtherNodes;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The router's view of a cluster: the {@link OtherNodes} and {@link LoginGate} services when a cluster
 * bundle registered them, else stand-ins that know no other node and let every login through. The
 * references are optional and dynamic, so a single node never waits for a cluster and pays one
 * volatile read per use.
 */
@Component(service = ClusterLink.class)
public class ClusterLink {

    /** A node alone: nobody elsewhere, nothing to tell. */
    static final OtherNodes ALONE = new OtherNodes() {
        @Override
        public boolean isOnlineElsewhere(String username) {
            return false;
        }

        @Override
        public Set<String> onlineElsewhere() {
            return Set.of();
        }

        @Override
        public void localSessions(String username, boolean any) {
        }

        @Override
        public void push(String username, NodePush push) {
        }

        @Override
        public void broadcast(Frame frame) {
        }

        @Override
        public void closeSessions(String username, String code, String reason) {
        }
    };

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile OtherNodes otherNodes;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile LoginGate gate;

    /** The other nodes, or {@link #ALONE}. */
    OtherNodes others() {
        OtherNodes current = otherNodes;
        return current == null ? ALONE : current;
    }

    /** Whether other nodes may hold sessions (so pushes need building for them). */
    boolean clustered() {
        return otherNodes != null;
    }

    /** Why logins are refused now, if they are. */
    Optional<String> loginRefusal() {
        LoginGate current = gate;
        return current == null ? Optional.empty() : current.refusal();
    }
}
