package org.confab.cli.internal;

import java.util.List;
import java.util.Map;

import org.confab.protocol.messages.AdminMessages;
import org.confab.protocol.messages.AdminMessages.Broadcast;

/** {@code admin broadcast TEXT...}: a notice to every logged-in session. */
final class AdminBroadcastCommand extends AdminCommand<Broadcast> {
    AdminBroadcastCommand() {
        super("broadcast");
    }

    @Override
    public String synopsis() {
        return "TEXT...";
    }

    @Override
    public String description() {
        return "send a notice to everyone online";
    }

    @Override
    Broadcast request(CommandContext context) {
        List<String> words = context.operands(1, Integer.MAX_VALUE, "the notice's text");
        String text = OptionValues.text("the notice", String.join(" ", words), AdminMessages.MAX_NOTICE);
        if (text.isBlank()) {
            throw new UsageException("the notice must not be blank");
        }
        return new Broadcast(text);
    }

    @Override
    void send(Broadcast request, CliSession session, Output output) throws Exception {
        int recipients = session.await(session.client().admin().broadcast(request.text())).recipients();
        output.item("sent to " + AdminFields.count(recipients, "session"), Map.of("recipients", recipients));
    }
}
