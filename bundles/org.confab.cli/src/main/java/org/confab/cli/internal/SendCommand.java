package org.confab.cli.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.confab.protocol.messages.Messages.ChatSent;

/** {@code send PEER TEXT...}: logs in, sends, and waits until the server has stored the message. */
final class SendCommand implements Command {
    @Override
    public String name() {
        return "send";
    }

    @Override
    public String synopsis() {
        return "PEER TEXT...";
    }

    @Override
    public String description() {
        return "send a message; prints its id once the server stored it";
    }

    @Override
    public int run(CommandContext context) throws Exception {
        List<String> operands = context.operands(2, Integer.MAX_VALUE, "a peer and the message text");
        String text = String.join(" ", operands.subList(1, operands.size()));
        try (CliSession session = context.connect()) {
            session.login();
            ChatSent sent = session.await(session.client().send(operands.get(0), text));
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("id", sent.messageId());
            fields.put("sentAt", java.time.Instant.ofEpochMilli(sent.timestamp()).toString());
            fields.put("duplicate", sent.duplicate());
            context.output().item(Long.toString(sent.messageId()), fields);
        }
        return ExitCodes.OK;
    }
}
