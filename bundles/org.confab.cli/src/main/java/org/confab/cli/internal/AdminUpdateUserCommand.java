package org.confab.cli.internal;

import java.util.Set;

import org.confab.protocol.messages.AdminMessages.UpdateUser;
import org.confab.protocol.messages.AdminMessages.UserEntry;

/**
 * {@code admin update-user NAME [--display-name N] [--admin|--no-admin] [--lock|--unlock] [--unban]
 * [--new-password-file F]}: changes what is given. A new password is taken only from the file, never
 * from {@code CONFAB_NEW_PASSWORD}, so a variable left over from creating an account cannot reset a
 * password by accident.
 */
final class AdminUpdateUserCommand extends AdminCommand<UpdateUser> {
    AdminUpdateUserCommand() {
        super("update-user");
    }

    @Override
    public String synopsis() {
        return "NAME [--display-name N] [--admin|--no-admin] [--lock|--unlock] [--unban] [--new-password-file F]";
    }

    @Override
    public String description() {
        return "change an account (a blank display name resets it to the username)";
    }

    @Override
    public Set<String> options() {
        return Set.of("display-name", NewPassword.OPTION);
    }

    @Override
    public Set<String> flags() {
        return Set.of("admin", "no-admin", "lock", "unlock", "unban");
    }

    @Override
    UpdateUser request(CommandContext context) {
        String name = context.operands(1, 1, "the account's name").get(0);
        Boolean admin = either(context, "admin", "no-admin");
        Boolean locked = either(context, "lock", "unlock");
        Boolean clearBan = context.flag("unban") ? Boolean.TRUE : null;
        String displayName = context.option("display-name").orElse(null);
        String password = NewPassword.fromFile(context).orElse(null);
        if (displayName == null && password == null && admin == null && locked == null && clearBan == null) {
            throw new UsageException(context.name() + " needs a change: --display-name, --admin, --no-admin, --lock, "
                    + "--unlock, --unban or --" + NewPassword.OPTION);
        }
        return new UpdateUser(name, displayName, password, admin, locked, clearBan);
    }

    /** True for {@code --yes}, false for {@code --no}, null for neither; both is a usage error. */
    private static Boolean either(CommandContext context, String yes, String no) {
        if (context.flag(yes) && context.flag(no)) {
            throw new UsageException("--" + yes + " and --" + no + " contradict each other");
        }
        return context.flag(yes) ? Boolean.TRUE : context.flag(no) ? Boolean.FALSE : null;
    }

    @Override
    void send(UpdateUser request, CliSession session, Output output) throws Exception {
        UserEntry user = session.await(session.client().admin().updateUser(request));
        output.item("updated " + AdminFields.userLine(user), AdminFields.user(user));
    }
}
