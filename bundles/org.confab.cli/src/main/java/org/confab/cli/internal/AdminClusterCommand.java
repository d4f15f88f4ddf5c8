package org.confab.cli.internal;

import java.util.Optional;

import org.confab.protocol.messages.ClusterMessages.ClusterReport;

/** {@code admin cluster}: the nodes of the server's cluster, their state and sessions, or that it runs alone. */
final class AdminClusterCommand extends AdminQueryCommand {
    AdminClusterCommand() {
        super("cluster");
    }

    @Override
    public String description() {
        return "cluster nodes: state, sessions, client address";
    }

    @Override
    void send(Void request, CliSession session, Output output) throws Exception {
        Optional<ClusterReport> cluster = session.await(session.client().admin().cluster());
        if (cluster.isEmpty()) {
            output.item(ClusterFields.ALONE, ClusterFields.alone());
            return;
        }
        ClusterReport report = cluster.get();
        output.text(ClusterFields.summary(report));
        output.table(ClusterFields.NODE_HEADER, report.nodes(), ClusterFields::nodeRow, node -> ClusterFields.node(report, node));
    }
}
