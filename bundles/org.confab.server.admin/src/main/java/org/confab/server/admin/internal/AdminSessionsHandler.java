package org.confab.server.admin.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.confab.protocol.Frame;
import org.confab.protocol.ProtocolException;
import org.confab.protocol.messages.AdminMessages.Broadcast;
import org.confab.protocol.messages.AdminMessages.BroadcastResult;
import org.confab.protocol.messages.AdminMessages.Kick;
import org.confab.protocol.messages.AdminMessages.KickResult;
import org.confab.protocol.messages.AdminMessages.OnlineList;
import org.confab.protocol.messages.MessageTypes;
import org.confab.server.api.AdminActor;
import org.confab.server.api.AdminService;
import org.confab.server.api.ClientSession;
import org.confab.server.api.KickOutcome;
import org.confab.server.api.MessageHandler;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code admin.online}, {@code admin.kick}, {@code admin.broadcast}. */
@Component(property = { MessageHandler.RATE_CLASS + "=admin", MessageHandler.TYPES + "=" + MessageTypes.ADMIN_ONLINE,
        MessageHandler.TYPES + "=" + MessageTypes.ADMIN_KICK, MessageHandler.TYPES + "=" + MessageTypes.ADMIN_BROADCAST })
public class AdminSessionsHandler implements MessageHandler {

    private final AdminService admin;

    @Activate
    public AdminSessionsHandler(@Reference AdminService admin) {
        this.admin = admin;
    }

    @Override
    public void handle(ClientSession session, Frame frame) throws ProtocolException {
        AdminActor actor = AdminActor.of(session);
        admin.authorize(actor);
        switch (frame.type()) {
        case MessageTypes.ADMIN_ONLINE ->
            Replies.ok(session, frame, new OnlineList(admin.online(actor).stream().map(Wire::session).toList()));
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
}
