package org.confab.server.cluster.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.confab.protocol.ProtocolException;
import org.confab.protocol.messages.ClusterMessages.ClusterHealth;
import org.confab.protocol.messages.AdminMessages.OnlineSession;
import org.confab.server.api.AdminService;
import org.confab.server.spi.ClusterAdministration;
import org.confab.server.spi.Gathered;

/**
 * {@link ClusterAdministration} over NATS: questions to every other node, answered within
 * {@link #WAIT}; a node that does not answer in time is reported missing, never waited for longer.
 */
final class ClusterOperations implements ClusterAdministration {
    /** How long an administrator's request waits for the other nodes at most. */
    static final Duration WAIT = Duration.ofSeconds(2);

    private final ClusterEngine engine;
    private final ClusterView view;
    private final AdminService admin;

    ClusterOperations(ClusterEngine engine, ClusterView view, AdminService admin) {
        this.engine = engine;
        this.view = view;
        this.admin = admin;
    }

    @Override
    public String self() {
        return engine.settings.node();
    }

    /** This node's sessions, named with this node. */
    List<OnlineSession> local() throws ProtocolException {
        return LocalSessions.of(admin, self());
    }

    @Override
    public Gathered<List<OnlineSession>> sessionsElsewhere() {
        Gathered<Map<String, Envelope>> answers = engine.messages().ask(Envelope.of("sessions", self(), null), WAIT);
        List<OnlineSession> sessions = answers.result().values().stream().map(Envelope::online).filter(Objects::nonNull)
                .flatMap(List::stream).toList();
        return new Gathered<>(sessions, answers.missingNodes());
    }

    @Override
    public Gathered<Integer> closeElsewhere(String username, String code, String reason) {
        Gathered<Map<String, Envelope>> answers = engine.messages().ask(Envelope.close(self(), username, code, reason),
                WAIT);
        int closed = answers.result().values().stream().map(Envelope::sessions).filter(Objects::nonNull)
                .mapToInt(Integer::intValue).sum();
        return new Gathered<>(closed, answers.missingNodes());
    }

    @Override
    public ClusterHealth health() {
        return view.health();
    }
}
