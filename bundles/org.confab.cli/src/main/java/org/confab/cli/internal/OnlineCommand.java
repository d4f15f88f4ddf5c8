package org.confab.cli.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.confab.protocol.messages.Messages.PresenceEntry;

/** {@code online}: every account and whether it is online. */
final class OnlineCommand implements Command {
    @Override
    public String name() {
        return "online";
    }

    @Override
    public String synopsis() {
        return "";
    }

    @Override
    public String description() {
        return "list users and whether they are online";
    }

    @Override
    public int run(CommandContext context) throws Exception {
        context.operands(0, 0, "no arguments");
        try (CliSession session = context.connect()) {
            session.login();
            List<PresenceEntry> users = session.await(session.client().presence());
            for (PresenceEntry user : users) {
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put("username", user.username());
                fields.put("displayName", user.displayName());
                fields.put("online", user.online());
                context.output().item(user.username() + " (" + user.displayName() + ") "
                        + (user.online() ? "online" : "offline"), fields);
            }
        }
        return ExitCodes.OK;
    }
}
