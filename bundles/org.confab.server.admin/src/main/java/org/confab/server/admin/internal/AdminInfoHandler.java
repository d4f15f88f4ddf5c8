package org.confab.server.admin.internal;

import java.util.Optional;

import org.confab.protocol.Frame;
import org.confab.protocol.ProtocolException;
import org.confab.protocol.messages.AdminMessages.AuditQuery;
import org.confab.protocol.messages.MessageTypes;
import org.confab.server.api.AdminActor;
import org.confab.server.api.AdminService;
import org.confab.server.api.ClientSession;
import org.confab.server.api.MessageHandler;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code admin.audit} and {@code admin.status}. */
@Component(property = { MessageHandler.RATE_CLASS + "=admin", MessageHandler.TYPES + "=" + MessageTypes.ADMIN_AUDIT,
        MessageHandler.TYPES + "=" + MessageTypes.ADMIN_STATUS })
public class AdminInfoHandler implements MessageHandler {

    private final AdminService admin;

    @Activate
    public AdminInfoHandler(@Reference AdminService admin) {
        this.admin = admin;
    }

    @Override
    public void handle(ClientSession session, Frame frame) throws ProtocolException {
        AdminActor actor = AdminActor.of(session);
        admin.authorize(actor);
        if (MessageTypes.ADMIN_AUDIT.equals(frame.type())) {
            AuditQuery query = Replies.read(frame, AuditQuery.class);
            Replies.ok(session, frame, Wire.auditPage(
                    admin.audit(actor, Optional.ofNullable(query.beforeId()), query.limit() + 1), query.limit()));
        } else {
            Replies.ok(session, frame, Wire.status(admin.status(actor)));
        }
    }
}
