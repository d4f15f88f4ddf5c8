package org.confab.server.cluster.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The nats-server the engine tests start privately. Where it is not installed they are skipped on a
 * developer's machine and fail in CI ({@code CI=true}), where {@code .ci/run} installs it: a cluster
 * test must never pass there by not running.
 */
final class NatsServerBinary {
    static final Path SERVER = Path.of("/usr/sbin/nats-server");

    private NatsServerBinary() {
    }

    static void requireInstalled() {
        boolean installed = Files.isExecutable(SERVER);
        String message = "nats-server is not installed at " + SERVER + " (.ci/run installs it)";
        if ("true".equals(System.getenv("CI"))) {
            assertTrue(installed, message);
        } else {
            assumeTrue(installed, message);
        }
    }
}
