package org.confab.server.cluster.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.confab.protocol.Frame;
import org.confab.protocol.FrameCodec;
import org.confab.protocol.ProtocolException;
import org.confab.protocol.messages.MessageTypes;
import org.confab.server.api.AdminActor;
import org.confab.server.api.AdminService;
import org.confab.server.api.ClientSession;
import org.confab.server.api.MessageHandler;
import org.confab.server.spi.SessionRegistry;

/**
 * The nodes of the cluster, their state and how many logged-in sessions each holds: the
 * {@code admin.cluster} request (administrators) and the {@code confab:cluster} console command.
 * This node answers for itself from its own state, for the others from their last heartbeat.
 */
public final class ClusterStatus implements MessageHandler {
    static final String TYPE = "admin.cluster";
    private static final FrameCodec CODEC = new FrameCodec();

    private final ClusterEngine engine;
    private final SessionRegistry registry;
    private final AdminService admin;

    ClusterStatus(ClusterEngine engine, SessionRegistry registry, AdminService admin) {
        this.engine = engine;
        this.registry = registry;
        this.admin = admin;
    }

    @Override
    public void handle(ClientSession session, Frame frame) throws ProtocolException {
        admin.authorize(AdminActor.of(session));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("cluster", engine.settings.name());
        body.put("self", engine.settings.node());
        body.put("nodes", nodes());
        session.send(CODEC.frame(MessageTypes.ok(TYPE), frame.rid(), body));
    }

    /** Console: {@code confab:cluster}. */
    public String cluster() {
        StringBuilder text = new StringBuilder("cluster " + engine.settings.name() + " through " + engine.settings.url()
                + "\nNODE                 STATE      SESSIONS\n");
        for (Map<String, Object> node : nodes()) {
            text.append(String.format("%-20s %-10s %8s%s%n", node.get("node"), node.get("state"), node.get("sessions"),
                    Boolean.TRUE.equals(node.get("self")) ? "  (this node)" : ""));
        }
        return text.toString();
    }

    List<Map<String, Object>> nodes() {
        List<Map<String, Object>> nodes = new ArrayList<>();
        long mine = registry.all().stream().filter(s -> s.username().isPresent()).count();
        nodes.add(node(engine.settings.node(), engine.state().name(), mine, true));
        for (Roster.Node other : engine.roster.snapshot()) {
            if (!other.name().equals(engine.settings.node())) {
                nodes.add(node(other.name(), other.state(), other.sessions(), false));
            }
        }
        nodes.sort(java.util.Comparator.comparing(n -> n.get("node").toString()));
        return nodes;
    }

    private static Map<String, Object> node(String name, String state, long sessions, boolean self) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("node", name);
        node.put("state", state);
        node.put("sessions", sessions);
        node.put("self", self);
        return node;
    }
}
