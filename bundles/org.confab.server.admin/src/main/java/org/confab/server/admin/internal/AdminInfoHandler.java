package org.confab.server.admin.internal;

import java.util.Optional;

import org.confab.protocol.Frame;
import org.confab.protocol.ProtocolException;
import org.confab.protocol.messages.AdminMessages;
import org.confab.protocol.messages.AdminMessages.AuditQuery;
import org.confab.protocol.messages.MessageTypes;
import org.confab.server.api.AdminActor;
import org.confab.server.api.AdminService;
import org.confab.server.api.ClientSession;
import org.confab.server.api.MessageHandler;
import org.confab.server.spi.ClusterAdministration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** {@code admin.audit} and {@code admin.status} (on a node of a cluster with the cluster's health). */
@Component(property = { MessageHandler.RATE_CLASS + "=admin", MessageHandler.TYPES + "=" + MessageTypes.ADMIN_AUDIT,
        MessageHandler.TYPES + "=" + MessageTypes.ADMIN_STATUS })
public class AdminInfoHandler implements MessageHandler {

    private final AdminService admin;

    /** Set on a node of a cluster. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ClusterAdministration cluster;

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
            AdminMessages.StatusReport report = Wire.status(admin.status(actor));
            ClusterAdministration nodes = cluster;
            Replies.ok(session, frame, nodes == null ? report : report.withCluster(nodes.health()));
        }
    }
}
