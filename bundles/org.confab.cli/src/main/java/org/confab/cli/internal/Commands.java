package org.confab.cli.internal;

/** The standard command set. Administrative and benchmark commands will be registered here too. */
final class Commands {
    private Commands() {
    }

    static CommandRegistry standard() {
        return new CommandRegistry()
                .register(new RegisterCommand())
                .register(new SendCommand())
                .register(new HistoryCommand())
                .register(new SearchCommand())
                .register(new OnlineCommand())
                .register(new ReceiveCommand())
                .register(new PingCommand())
                .alias("inbox", "receive");
    }
}
