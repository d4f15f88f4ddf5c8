package org.confab.cli.internal;

/** An {@code admin} subcommand that takes no arguments and only asks the server, such as {@code admin status}. */
abstract class AdminQueryCommand extends AdminCommand<Void> {
    AdminQueryCommand(String subcommand) {
        super(subcommand);
    }

    @Override
    public final String synopsis() {
        return "";
    }

    @Override
    final Void request(CommandContext context) {
        context.operands(0, 0, "no arguments");
        return null;
    }
}
