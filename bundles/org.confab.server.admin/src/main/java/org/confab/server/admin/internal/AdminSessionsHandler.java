package org.confab.server.admin.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.confab.protocol.Frame;
import org.confab.protocol.ProtocolException;
import org.confab.protocol.messages.AdminMessages.Broadcast;
import org.confab.protocol.messages.AdminMessages.BroadcastResult;
import org.confab.protocol.messages.AdminMessages.Kick;
import org.confab.protocol.messages.AdminMessages.KickResult;
import org.confab.protocol.messages.AdminMessages.OnlineList;
import org.confab.protocol.messages.AdminMessages.OnlineSession;
import org.confab.protocol.messages.MessageTypes;
import org.confab.server.api.AdminActor;
import org.confab.server.api.AdminService;
import org.confab.server.api.ClientSession;
import org.confab.server.api.KickOutcome;
import org.confab.server.api.MessageHandler;
import org.confab.server.spi.ClusterAdministration;
import org.confab.server.spi.Gathered;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * {@code admin.online}, {@code admin.kick}, {@code admin.broadcast}. On a node of a cluster
 * {@code admin.online} lists the sessions of every node, each with its node.
 */
@Component(property = { MessageHandler.RATE_CLASS + "=admin", MessageHandler.TYPES + "=" + MessageTypes.ADMIN_ONLINE,
        MessageHandler.TYPES + "=" + MessageTypes.ADMIN_KICK, MessageHandler.TYPES + "=" + MessageTypes.ADMIN_BROADCAST })
public class AdminSessionsHandler implements MessageHandler {

    private final AdminService admin;

    /** Set on a node of a cluster. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ClusterAdministration cluster;

    @Activate
    public AdminSessionsHandler(@Reference AdminService admin) {
        this.admin = admin;
    }

    @Override
    public void handle(ClientSession session, Frame frame) throws ProtocolException {
        AdminActor actor = AdminActor.of(session);
        admin.authorize(actor);
        switch (frame.type()) {
        case MessageTypes.ADMIN_ONLINE -> Replies.ok(session, frame, online(actor));
        case MessageTypes.ADMIN_KICK -> {
            Kick kick = Replies.read(frame, Kick.class);
            KickOutcome outcome = admin.kick(actor, kick.username(), Optional.ofNullable(kick.reason()),
                    Optional.ofNullable(kick.banMinutes()).map(Duration::ofMinutes));
            Replies.ok(session, frame, new KickResult(outcome.username(), outcome.sessionsClosed(),
                    outcome.bannedUntil().map(Instant::toEpochMilli).orElse(null)));
        }
        default -> {
            Broadcast broadcast = Replies.read(frame, Broadcast.class);
            Replies.ok(session, frame, new BroadcastResult(admin.broadcast(actor, broadcast.text())));
        }
        }
    }

    private OnlineList online(AdminActor actor) throws ProtocolException {
        List<OnlineSession> here = admin.online(actor).stream().map(Wire::session).toList();
        ClusterAdministration nodes = cluster;
        if (nodes == null) {
            return new OnlineList(here);
        }
        Gathered<List<OnlineSession>> elsewhere = nodes.sessionsElsewhere();
        List<OnlineSession> all = new ArrayList<>(here.stream().map(s -> s.onNode(nodes.self())).toList());
        all.addAll(elsewhere.result());
        all.sort(Comparator.comparing(OnlineSession::username).thenComparingLong(OnlineSession::loginTime));
        return new OnlineList(all, elsewhere.missingNodes().isEmpty() ? null : elsewhere.missingNodes());
    }
}
