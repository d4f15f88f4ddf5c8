package org.confab.e2e;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The CLI against one server, pinned to its certificate, with the password in the environment. */
record Cli(String address, String fingerprint, Map<String, String> environment) {

    Processes.Result run(String user, String... arguments) throws Exception {
        return Processes.run(environment, arguments(user, arguments));
    }

    /** Runs a command that may take long (a large transfer), failing it after {@code timeoutSeconds}. */
    Processes.Result run(long timeoutSeconds, String user, String... arguments) throws Exception {
        return start(user, arguments).await(timeoutSeconds);
    }

    /** Starts a command in the background; whoever starts it must await or kill it. */
    Processes.Running start(String user, String... arguments) throws IOException {
        return Processes.start(environment, arguments(user, arguments));
    }

    /** The same CLI with more environment, such as {@code CONFAB_JAVA_OPTS}. */
    Cli with(Map<String, String> more) {
        Map<String, String> all = new java.util.HashMap<>(environment);
        all.putAll(more);
        return new Cli(address, fingerprint, Map.copyOf(all));
    }

    private String[] arguments(String user, String... arguments) {
        List<String> all = new ArrayList<>(List.of("cli", "--server", address, "--user", user, "--fingerprint", fingerprint));
        all.addAll(List.of(arguments));
        return all.toArray(String[]::new);
    }
}
