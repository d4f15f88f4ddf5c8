package org.confab.cli.internal;

import java.util.Set;

import org.confab.protocol.messages.AdminMessages.AddUser;
import org.confab.protocol.messages.AdminMessages.UserEntry;

/**
 * {@code admin add-user NAME [--admin] [--display-name N] [--new-password-file F]}: creates an
 * account; its password comes from the file or {@code CONFAB_NEW_PASSWORD}.
 */
final class AdminAddUserCommand extends AdminCommand<AddUser> {
    AdminAddUserCommand() {
        super("add-user");
    }

    @Override
    public String synopsis() {
        return "NAME [--admin] [--display-name N] [--new-password-file F]";
    }

    @Override
    public String description() {
        return "create an account; password from F or $" + NewPassword.VARIABLE;
    }

    @Override
    public Set<String> options() {
        return Set.of("display-name", NewPassword.OPTION);
    }

    @Override
    public Set<String> flags() {
        return Set.of("admin");
    }

    @Override
    AddUser request(CommandContext context) {
        String name = context.operands(1, 1, "the new account's name").get(0);
        String displayName = context.option("display-name").orElse(null);
        return new AddUser(name, NewPassword.fromFileOrEnvironment(context), displayName,
                context.flag("admin") ? Boolean.TRUE : null);
    }

    @Override
    void send(AddUser request, CliSession session, Output output) throws Exception {
        UserEntry user = session.await(session.client().admin().addUser(request));
        output.item("created " + AdminFields.userLine(user), AdminFields.user(user));
    }
}
