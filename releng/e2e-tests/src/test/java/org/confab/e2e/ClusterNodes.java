package org.confab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;

/**
 * A cluster on loopback for end-to-end tests: a private nats-server with JetStream, a private MariaDB
 * and three real server products ({@code ./confab server --cluster URL --node nN}) sharing both.
 */
final class ClusterNodes implements AutoCloseable {
    static final String ADMIN_PASSWORD = "Cluster-operator-pw-1";

    final NatsProcess nats;
    final PrivateMariaDb db;
    final ServerProcess[] nodes = new ServerProcess[3];
    private final Path work;
    private final List<String> databaseOptions;

    private ClusterNodes(Path work, NatsProcess nats, PrivateMariaDb db, List<String> databaseOptions) {
        this.work = work;
        this.nats = nats;
        this.db = db;
        this.databaseOptions = databaseOptions;
    }

    /**
     * A fresh cluster in the work directory {@code name}. Where nats-server or MariaDB is not installed
     * the test is skipped on a developer's machine, and fails in CI ({@code CI=true}), where
     * {@code .ci/run} installs both: a cluster suite must never pass there by not running.
     */
    static ClusterNodes startOrSkip(String name) throws Exception {
        requireInstalled(NatsProcess.available(), "nats-server is not installed (.ci/run installs it)");
        requireInstalled(PrivateMariaDb.available(), "MariaDB is not installed (.ci/run installs it)");
        return start(Processes.freshDirectory(name));
    }

    static void requireInstalled(boolean installed, String message) {
        if ("true".equals(System.getenv("CI"))) {
            assertTrue(installed, message);
        } else {
            Assumptions.assumeTrue(installed, message);
        }
    }

    static ClusterNodes start(Path work) throws Exception {
        NatsProcess nats = NatsProcess.start(work.resolve("nats"));
        PrivateMariaDb db = PrivateMariaDb.create(work.resolve("mariadb"));
        List<String> options = sharedDatabase(db, work);
        ClusterNodes cluster = new ClusterNodes(work, nats, db, options);
        // one after the other: the first creates the tables and the administrator the others find
        for (int i = 0; i < 3; i++) {
            cluster.startNode(i);
        }
        return cluster;
    }

    /** Creates the nodes' database and account in {@code db}; returns the server options that use them. */
    static List<String> sharedDatabase(PrivateMariaDb db, Path work) throws Exception {
        assertEquals(0, db.sql("CREATE DATABASE confab_cluster CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;"
                + " CREATE USER 'confab'@'127.0.0.1' IDENTIFIED BY 'cluster-db-pw';"
                + " GRANT ALL ON confab_cluster.* TO 'confab'@'127.0.0.1';"));
        Path passwordFile = Files.writeString(work.resolve("db-password"), "cluster-db-pw\n");
        return List.of("--db-url",
                "jdbc:mysql://127.0.0.1:" + db.port + "/confab_cluster?useSSL=false&allowPublicKeyRetrieval=true",
                "--db-user", "confab", "--db-password-file", passwordFile.toString());
    }

    /** Starts (or restarts, on its old data directory) node {@code i}, named n1 to n3, and waits until it serves. */
    ServerProcess startNode(int i) throws Exception {
        List<String> options = new ArrayList<>(databaseOptions);
        options.addAll(List.of("--cluster", nats.url(), "--node", "n" + (i + 1), "--cluster-name", "e2e",
                "--limits-exempt", "127.0.0.1", "--request-rate", "100000", "--request-burst", "100000",
                "--scram-iterations", "4096"));
        nodes[i] = ServerProcess.start(work.resolve("n" + (i + 1)), Map.of("CONFAB_ADMIN_PASSWORD", ADMIN_PASSWORD),
                options.toArray(String[]::new));
        nodes[i].awaitLog("node n" + (i + 1) + " is serving", 60);
        return nodes[i];
    }

    ServerProcess node(int number) {
        return nodes[number - 1];
    }

    @Override
    public void close() throws Exception {
        for (ServerProcess node : nodes) {
            if (node != null && node.process.isAlive()) {
                node.terminate(60);
            }
        }
        nats.close();
        db.close();
    }
}
