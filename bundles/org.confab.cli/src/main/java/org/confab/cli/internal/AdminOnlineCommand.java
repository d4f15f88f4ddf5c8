package org.confab.cli.internal;

import java.util.List;
import java.util.Map;

import org.confab.protocol.messages.AdminMessages.OnlineList;
import org.confab.protocol.messages.AdminMessages.OnlineSession;

/**
 * {@code admin online}: every logged-in session with its address, login time and idle time, and in a
 * cluster the node it is on.
 */
final class AdminOnlineCommand extends AdminQueryCommand {
    AdminOnlineCommand() {
        super("online");
    }

    @Override
    public String description() {
        return "logged-in sessions: address, since when, idle seconds, client, node";
    }

    /** From a node of a cluster: a NODE column, and the nodes that did not answer in time last. */
    @Override
    void send(Void request, CliSession session, Output output) throws Exception {
        OnlineList online = session.await(session.client().admin().sessions());
        List<OnlineSession> sessions = online.sessions();
        boolean nodes = sessions.stream().anyMatch(s -> s.node() != null);
        output.table(ClusterFields.sessionHeader(nodes), sessions,
                s -> nodes ? ClusterFields.withNode(AdminFields.sessionRow(s), s.node()) : AdminFields.sessionRow(s),
                AdminFields::session);
        output.text(AdminFields.count(sessions.size(), "session"));
        if (!online.missingNodes().isEmpty()) {
            output.item(ClusterFields.missingText(online.missingNodes()), Map.of("missingNodes", online.missingNodes()));
        }
    }
}
