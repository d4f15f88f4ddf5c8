package org.confab.server.cluster.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.confab.protocol.messages.ClusterMessages.ClusterHealth;
import org.confab.server.spi.SessionRegistry;

/**
 * The nodes as this node sees them: itself from its own state, the others from their last heartbeat,
 * and the cluster's health that follows.
 */
final class ClusterView {

    /** One node; {@code address} where its clients connect, empty when not announced. */
    record NodeView(String node, String state, long sessions, boolean self, String address) {
        Map<String, Object> wire() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("node", node);
            map.put("state", state);
            map.put("sessions", sessions);
            map.put("self", self);
            if (!address.isEmpty()) {
                map.put("clientAddress", address);
            }
            return map;
        }
    }

    private final ClusterEngine engine;
    private final SessionRegistry registry;

    ClusterView(ClusterEngine engine, SessionRegistry registry) {
        this.engine = engine;
        this.registry = registry;
    }

    /** HEALTHY when every known node serves, ISOLATED when this one does not, else DEGRADED. */
    ClusterHealth health() {
        List<NodeView> nodes = nodes();
        int serving = (int) nodes.stream().filter(n -> EngineState.SERVING.name().equals(n.state())).count();
        String state = engine.state() != EngineState.SERVING ? ClusterHealth.ISOLATED
                : serving == nodes.size() ? ClusterHealth.HEALTHY : ClusterHealth.DEGRADED;
        return new ClusterHealth(engine.settings.name(), engine.settings.node(), state, nodes.size(), serving);
    }

    /** Every node known, this one included, by name. */
    List<NodeView> nodes() {
        List<NodeView> nodes = new ArrayList<>();
        long mine = registry.all().stream().filter(s -> s.username().isPresent()).count();
        nodes.add(new NodeView(engine.settings.node(), engine.state().name(), mine, true, engine.clientAddress()));
        for (Roster.Node other : engine.roster.snapshot()) {
            if (!other.name().equals(engine.settings.node())) {
                nodes.add(new NodeView(other.name(), other.state(), other.sessions(), false, other.address()));
            }
        }
        nodes.sort(Comparator.comparing(NodeView::node));
        return nodes;
    }
}
