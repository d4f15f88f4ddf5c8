package org.confab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Memory stays bounded by the chunk size, not the file size: a server with a 96 MB heap takes and gives
 * back a file five times that size, and so do CLI clients with a 64 MB heap.
 */
class FileTransferHeapTest {
    private static final long SIZE = 5L * 96 << 20;

    @Test
    void aFileFiveTimesTheServersHeapGoesThroughIntact() throws Exception {
        Path work = Processes.freshDirectory("files-heap");
        try (ServerProcess server = ServerProcess.start(work.resolve("server"),
                Map.of("CONFAB_JAVA_OPTS", "-Xmx96m -XX:+ExitOnOutOfMemoryError"), "--limits-exempt", "127.0.0.1")) {
            Cli cli = new Cli(server.address(), server.fingerprint,
                    Map.of("CONFAB_PASSWORD", "a small heap is enough", "CONFAB_JAVA_OPTS", "-Xmx64m -XX:+ExitOnOutOfMemoryError"));
            java.util.List<String> jvm = server.process.info().arguments().map(java.util.List::of).orElse(java.util.List.of());
            org.junit.jupiter.api.Assertions.assertTrue(jvm.contains("-Xmx96m"), "the server runs with a 96 MB heap: " + jvm);
            assertEquals(0, cli.run("frank", "register").exitCode());
            assertEquals(0, cli.run("grace", "register").exitCode());
            Path file = TestFiles.random(work.resolve("out/large.bin"), SIZE, 5);

            Processes.Result sent = cli.run(600, "frank", "--json", "send-file", "grace", file.toString());
            assertEquals(0, sent.exitCode(), sent.toString());
            Processes.Result fetched = cli.run(600, "grace", "--json", "fetch-file", TestFiles.id(sent.stdout()),
                    work.resolve("grace").toString());
            assertEquals(0, fetched.exitCode(), fetched.toString());
            assertEquals(TestFiles.sha256(file), TestFiles.sha256(TestFiles.path(fetched.stdout())));
            assertFalse(server.log().contains("OutOfMemoryError"), "no OutOfMemoryError on the server");
            assertEquals(true, server.process.isAlive(), "the server still runs");
        } finally {
            TestFiles.deleteLarge(work);
        }
    }
}
