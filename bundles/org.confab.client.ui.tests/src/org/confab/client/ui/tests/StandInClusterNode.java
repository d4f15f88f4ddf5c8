package org.confab.client.ui.tests;

import org.confab.protocol.Frame;
import org.confab.protocol.FrameCodec;
import org.confab.protocol.ProtocolException;
import org.confab.protocol.messages.ClusterMessages;
import org.confab.protocol.messages.ClusterMessages.ClusterReport;
import org.confab.protocol.messages.MessageTypes;
import org.confab.server.api.AdminActor;
import org.confab.server.api.AdminService;
import org.confab.server.api.ClientSession;
import org.confab.server.api.MessageHandler;
import org.osgi.framework.BundleContext;

/**
 * Stands in for the answer of a cluster node's {@code org.confab.server.cluster} to
 * {@code admin.cluster}: the server of this test framework runs alone (a node needs NATS and a shared
 * MySQL database; releng/e2e-tests' ClusterTest runs real nodes). Registered in the real server's router,
 * it checks the administrator like the real one and answers with the protocol's records, so the
 * Cluster view is tested over the real socket up to the server's door.
 */
final class StandInClusterNode implements MessageHandler, AutoCloseable {
    private static final FrameCodec CODEC = new FrameCodec();

    private final AdminService admin;
    private final ClusterReport report;
    private final StandInHandlers.Registration registration;

    StandInClusterNode(BundleContext context, AdminService admin, ClusterReport report) {
        this.admin = admin;
        this.report = report;
        registration = StandInHandlers.register(context, this, ClusterMessages.CLUSTER);
    }

    @Override
    public void handle(ClientSession session, Frame frame) throws ProtocolException {
        admin.authorize(AdminActor.of(session));
        session.send(CODEC.frame(MessageTypes.ok(frame.type()), frame.rid(), report));
    }

    @Override
    public void close() {
        registration.close();
    }
}
