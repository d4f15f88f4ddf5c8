package org.confab.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The CLI against one server, pinned to its certificate, with the password in the environment. */
record Cli(String address, String fingerprint, Map<String, String> environment) {

    Processes.Result run(String user, String... arguments) throws Exception {
        List<String> all = new ArrayList<>(List.of("cli", "--server", address, "--user", user, "--fingerprint", fingerprint));
        all.addAll(List.of(arguments));
        return Processes.run(environment, all.toArray(String[]::new));
    }
}
