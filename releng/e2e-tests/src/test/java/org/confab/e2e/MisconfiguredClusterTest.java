package org.confab.e2e;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A cluster node the launch cannot make (a bad node name, a NATS url that is not one) ends its start
 * with one plain line and a non-zero status. Its port waits for the node's login gate, so without
 * this it would wait for ever without listening.
 */
class MisconfiguredClusterTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "bad node name    | nats://127.0.0.1:4222     | bad name! | the node name (--node) must be",
        "malformed url    | nats://127.0.0.1:notaport | n1        | nats://127.0.0.1:notaport" })
    void startEndsAtOnceWithOnePlainLine(String name, String url, String node, String expected) throws Exception {
        Path work = Processes.freshDirectory("misconfigured-cluster-" + name.replace(' ', '-'));
        long started = System.nanoTime();
        Processes.Result result = Processes.run(Map.of(), "server", "--port", "0", "--bind", "127.0.0.1", "--no-announce",
                "--data", work.resolve("data").toString(), "--cluster", url, "--node", node);
        String output = MisconfiguredDatabaseTest.assertEndedWithPlainLine(result, started, "cluster", expected);
        assertFalse(output.lines().anyMatch(l -> l.startsWith("\tat org.confab")), "a stack trace was printed:\n" + output);
    }
}
