package org.confab.cli.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.confab.protocol.messages.AdminMessages;
import org.confab.protocol.messages.AdminMessages.Kick;
import org.confab.protocol.messages.AdminMessages.KickResult;

/**
 * {@code admin kick NAME [--reason TEXT] [--ban-minutes N]}: closes every session of the user, who is
 * shown the reason; with a ban their logins are refused for N minutes.
 */
final class AdminKickCommand extends AdminCommand<Kick> {
    AdminKickCommand() {
        super("kick");
    }

    @Override
    public String synopsis() {
        return "NAME [--reason TEXT] [--ban-minutes N]";
    }

    @Override
    public String description() {
        return "disconnect a user, showing them TEXT; with a ban for N minutes";
    }

    @Override
    public Set<String> options() {
        return Set.of("reason", "ban-minutes");
    }

    @Override
    Kick request(CommandContext context) {
        String name = context.operands(1, 1, "the user's name").get(0);
        String reason = context.option("reason").map(text -> OptionValues.text("--reason", text, AdminMessages.MAX_REASON))
                .orElse(null);
        Integer banMinutes = context.option("ban-minutes")
                .map(text -> (int) OptionValues.inRange("--ban-minutes", text, 1, AdminMessages.MAX_BAN_MINUTES))
                .orElse(null);
        return new Kick(name, reason, banMinutes);
    }

    @Override
    void send(Kick request, CliSession session, Output output) throws Exception {
        KickResult result = session.await(session.client().admin().kick(request));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("username", result.username());
        fields.put("sessionsClosed", result.sessionsClosed());
        String text = "closed " + AdminFields.count(result.sessionsClosed(), "session") + " of " + result.username();
        if (result.bannedUntil() != null) {
            fields.put("bannedUntil", AdminFields.time(result.bannedUntil()));
            text += "; banned until " + AdminFields.time(result.bannedUntil());
        }
        output.item(text, fields);
    }
}
