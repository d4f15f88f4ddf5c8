package org.confab.cli.internal;

import org.confab.protocol.messages.AdminMessages.StatusReport;

/** {@code admin status}: uptime, connections, sessions, accounts, today's messages, the database. */
final class AdminStatusCommand extends AdminCommand<Void> {
    AdminStatusCommand() {
        super("status");
    }

    @Override
    public String synopsis() {
        return "";
    }

    @Override
    public String description() {
        return "server uptime, connections, sessions, accounts, database";
    }

    @Override
    Void request(CommandContext context) {
        context.operands(0, 0, "no arguments");
        return null;
    }

    @Override
    void send(Void request, CliSession session, Output output) throws Exception {
        StatusReport status = session.await(session.client().admin().status());
        output.item(AdminFields.statusText(status), AdminFields.status(status));
    }
}
