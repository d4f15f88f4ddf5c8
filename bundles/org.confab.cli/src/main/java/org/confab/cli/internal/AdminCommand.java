package org.confab.cli.internal;

/**
 * A subcommand of {@code admin}. It turns its command line into one protocol request before it
 * connects, so a wrong command line costs no login; then it logs in, sends the request and prints the
 * answer. Whether the user may is the server's decision: anybody who is not an active administrator
 * gets {@code NOT_ALLOWED}.
 *
 * @param <R> the request the command line describes
 */
abstract class AdminCommand<R> implements Command {
    static final String GROUP = "admin";
    static final String HEADING = "administration (log in as an administrator)";

    private final String subcommand;

    AdminCommand(String subcommand) {
        this.subcommand = subcommand;
    }

    @Override
    public final String name() {
        return GROUP + " " + subcommand;
    }

    /** The request the command line asks for; a wrong command line fails here with a usage error. */
    abstract R request(CommandContext context);

    /** Sends the request on a logged-in session and prints the answer. */
    abstract void send(R request, CliSession session, Output output) throws Exception;

    @Override
    public final int run(CommandContext context) throws Exception {
        R request = request(context);
        try (CliSession session = context.connect()) {
            session.login();
            send(request, session, context.output());
        }
        return ExitCodes.OK;
    }
}
