package org.confab.cli.internal;

import java.util.List;

/** Entry point of {@code confab cli}: runs one command and exits with its code. */
public final class ConfabCli {
    private ConfabCli() {
    }

    public static void main(String[] args) {
        CliApplication application = new CliApplication(Commands.standard(), CliSession::connect, System.out,
                System.err, System.getenv());
        System.exit(application.run(List.of(args)));
    }
}
