package org.confab.cli.internal;

import java.util.ArrayList;
import java.util.List;

import org.confab.protocol.messages.AdminMessages.OnlineSession;

/** {@code admin online}: every logged-in session with its address, login time and idle time. */
final class AdminOnlineCommand extends AdminCommand<Void> {
    AdminOnlineCommand() {
        super("online");
    }

    @Override
    public String synopsis() {
        return "";
    }

    @Override
    public String description() {
        return "logged-in sessions: address, since when, idle seconds, client";
    }

    @Override
    Void request(CommandContext context) {
        context.operands(0, 0, "no arguments");
        return null;
    }

    @Override
    void send(Void request, CliSession session, Output output) throws Exception {
        List<OnlineSession> sessions = session.await(session.client().admin().online());
        List<List<String>> rows = new ArrayList<>(List.of(AdminFields.SESSION_HEADER));
        sessions.forEach(online -> rows.add(AdminFields.sessionRow(online)));
        List<String> lines = TextTable.format(rows);
        if (!sessions.isEmpty()) {
            output.text(lines.get(0));
        }
        for (int i = 0; i < sessions.size(); i++) {
            output.item(lines.get(i + 1), AdminFields.session(sessions.get(i)));
        }
        output.text(AdminFields.count(sessions.size(), "session"));
    }
}
