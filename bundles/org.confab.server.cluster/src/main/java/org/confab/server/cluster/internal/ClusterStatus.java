package org.confab.server.cluster.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.confab.protocol.Frame;
import org.confab.protocol.FrameCodec;
import org.confab.protocol.ProtocolException;
import org.confab.protocol.messages.ClusterMessages.ClusterHealth;
import org.confab.protocol.messages.AdminMessages.OnlineSession;
import org.confab.protocol.messages.MessageTypes;
import org.confab.server.api.AdminActor;
import org.confab.server.api.AdminService;
import org.confab.server.api.ClientSession;
import org.confab.server.api.MessageHandler;
import org.confab.server.spi.Gathered;

/**
 * The nodes of the cluster, their state and how many logged-in sessions each holds: the
 * {@code admin.cluster} request (administrators) and the {@code confab:cluster} console command
 * ({@code confab:cluster sessions} lists every node's sessions). This node answers for itself from its
 * own state, for the others from their last heartbeat.
 */
public final class ClusterStatus implements MessageHandler {
    static final String TYPE = "admin.cluster";
    private static final FrameCodec CODEC = new FrameCodec();

    private final ClusterEngine engine;
    private final ClusterView view;
    private final AdminService admin;
    private final ClusterOperations operations;

    ClusterStatus(ClusterEngine engine, ClusterView view, AdminService admin, ClusterOperations operations) {
        this.engine = engine;
        this.view = view;
        this.admin = admin;
        this.operations = operations;
    }

    @Override
    public void handle(ClientSession session, Frame frame) throws ProtocolException {
        admin.authorize(AdminActor.of(session));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("cluster", engine.settings.name());
        body.put("self", engine.settings.node());
        body.put("nodes", view.nodes().stream().map(ClusterView.NodeView::wire).toList());
        session.send(CODEC.frame(MessageTypes.ok(TYPE), frame.rid(), body));
    }

    /** Console: {@code confab:cluster}. */
    public String cluster() {
        ClusterHealth health = view.health();
        StringBuilder text = new StringBuilder("cluster " + engine.settings.name() + " through " + engine.settings.url()
                + ": " + health.state() + ", " + health.serving() + " of " + health.nodes() + " nodes serving"
                + "\nNODE                 STATE      SESSIONS  CLIENT ADDRESS\n");
        for (ClusterView.NodeView node : view.nodes()) {
            text.append(String.format("%-20s %-10s %8d  %-21s%s%n", node.node(), node.state(), node.sessions(),
                    node.address().isEmpty() ? "-" : node.address(), node.self() ? "  (this node)" : ""));
        }
        return text.toString();
    }

    /** Console: {@code confab:cluster sessions}, every node's logged-in sessions with their node. */
    public String cluster(String what) throws ProtocolException {
        if (!"sessions".equals(what)) {
            return "usage: cluster [sessions]";
        }
        List<OnlineSession> sessions = new ArrayList<>(operations.local());
        Gathered<List<OnlineSession>> elsewhere = operations.sessionsElsewhere();
        sessions.addAll(elsewhere.result());
        sessions.sort(Comparator.comparing(OnlineSession::username).thenComparing(OnlineSession::node));
        StringBuilder text = new StringBuilder("USER                 NODE                 SESSION  ADDRESS\n");
        for (OnlineSession s : sessions) {
            text.append(String.format("%-20s %-20s %7d  %s%n", s.username(), s.node(), s.sessionId(), s.address()));
        }
        if (!elsewhere.missingNodes().isEmpty()) {
            text.append("no answer in time from ").append(String.join(", ", elsewhere.missingNodes())).append('\n');
        }
        return text.toString();
    }
}
