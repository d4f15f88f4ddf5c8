package org.confab.cli.internal;

import org.confab.protocol.messages.AdminMessages.StatusReport;

/** {@code admin status}: uptime, connections, sessions, accounts, today's messages, the database. */
final class AdminStatusCommand extends AdminQueryCommand {
    AdminStatusCommand() {
        super("status");
    }

    @Override
    public String description() {
        return "server uptime, connections, sessions, accounts, database, cluster health";
    }

    @Override
    void send(Void request, CliSession session, Output output) throws Exception {
        StatusReport status = session.await(session.client().admin().status());
        output.item(AdminFields.statusText(status), AdminFields.status(status));
    }
}
