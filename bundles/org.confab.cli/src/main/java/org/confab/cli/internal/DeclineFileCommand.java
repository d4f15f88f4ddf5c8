package org.confab.cli.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code decline-file ID}: refuses a file offered to the user; the sender is told. */
final class DeclineFileCommand implements Command {
    @Override
    public String name() {
        return "decline-file";
    }

    @Override
    public String synopsis() {
        return "ID";
    }

    @Override
    public String description() {
        return "decline a file offered to you; the sender sees it declined";
    }

    @Override
    public int run(CommandContext context) throws Exception {
        String id = FileCommands.id(context.operands(1, 1, "one file id").get(0));
        try (CliSession session = context.connect()) {
            session.login();
            FileCommands.requireCapability(session, "file");
            session.await(session.client().files().decline(id));
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("id", id);
            fields.put("state", "declined");
            context.output().item("declined " + id, fields);
        }
        return ExitCodes.OK;
    }
}
