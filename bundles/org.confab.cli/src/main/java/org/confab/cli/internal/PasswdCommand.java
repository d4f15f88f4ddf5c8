package org.confab.cli.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.confab.client.core.LoginResult;

/**
 * {@code passwd [--new-password-file F]}: the {@code --user} account changes its own password. The
 * current password comes the usual way ({@code --password-file} or {@code CONFAB_PASSWORD}), the new
 * one from {@code --new-password-file} or {@code CONFAB_NEW_PASSWORD}; neither is ever an argument.
 */
final class PasswdCommand implements Command {
    @Override
    public String name() {
        return "passwd";
    }

    @Override
    public String synopsis() {
        return "[--new-password-file F]";
    }

    @Override
    public String description() {
        return "change the --user account's password; new one from F or $" + NewPassword.VARIABLE;
    }

    @Override
    public Set<String> options() {
        return Set.of(NewPassword.OPTION);
    }

    @Override
    public int run(CommandContext context) throws Exception {
        context.operands(0, 0, "no arguments besides --" + NewPassword.OPTION);
        String current = context.global().requirePassword();
        String next = NewPassword.fromFile(context).or(() -> context.environment(NewPassword.VARIABLE))
                .orElseThrow(() -> new UsageException("passwd needs the new password: use --" + NewPassword.OPTION
                        + " FILE or set " + NewPassword.VARIABLE));
        try (CliSession session = context.connect()) {
            LoginResult user = session.login();
            session.await(session.client().changePassword(current, next));
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("username", user.username());
            fields.put("passwordChanged", true);
            context.output().item("password changed for " + user.username()
                    + "; log in with the new password from now on", fields);
        }
        return ExitCodes.OK;
    }
}
