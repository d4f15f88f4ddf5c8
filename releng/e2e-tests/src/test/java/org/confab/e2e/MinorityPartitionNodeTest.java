package org.confab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.confab.protocol.Frame;
import org.confab.protocol.Scram;
import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.Messages.AuthStart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A whole server node whose NATS server ends up on the minority side: three nats-servers as one
 * JetStream cluster, the session directory replicated on all three ({@code --cluster-replicas 3}), the
 * node connected to the first server only. When the other two stop, its connection stays up but
 * JetStream stores none of its writes: within the dead time it closes its users' sessions with
 * {@code SHUTDOWN} and refuses logins with {@code SERVER_BUSY}, and once the two are back it serves again.
 */
@Timeout(300)
class MinorityPartitionNodeTest {
    private final List<AutoCloseable> started = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
    }

    @Test
    void aNodeWithoutAQuorumStopsServingAndServesAgainWhenItIsBack() throws Exception {
        ClusterNodes.requireInstalled(NatsProcess.available(), "nats-server is not installed (.ci/run installs it)");
        ClusterNodes.requireInstalled(PrivateMariaDb.available(), "MariaDB is not installed (.ci/run installs it)");
        Path work = Processes.freshDirectory("minority-partition");
        List<NatsProcess> nats = NatsProcess.startCluster(work.resolve("nats"), 3);
        started.addAll(nats);
        PrivateMariaDb db = PrivateMariaDb.create(work.resolve("mariadb"));
        started.add(db);
        List<String> options = new ArrayList<>(ClusterNodes.sharedDatabase(db, work));
        options.addAll(List.of("--cluster", nats.get(0).url(), "--node", "n1", "--cluster-name", "minority",
                "--cluster-replicas", "3", "--cluster-dead-after", "3000", "--limits-exempt", "127.0.0.1",
                "--scram-iterations", "4096"));
        ServerProcess node = ServerProcess.start(work.resolve("n1"),
                Map.of("CONFAB_ADMIN_PASSWORD", ClusterNodes.ADMIN_PASSWORD), options.toArray(String[]::new));
        started.add(() -> node.terminate(60));
        // the bucket is created once the JetStream cluster has elected its leader
        node.awaitLog("node n1 is serving", 120);

        try (PushClient ann = ClusterTest.user(node, "ann")) {
            nats.get(1).kill();
            nats.get(2).kill();
            Frame closed = ann.awaitPush(MessageTypes.SESSION_CLOSED, p -> true, 60);
            assertEquals("SHUTDOWN", closed.body().path("code").asText(), closed.toString());
        }
        node.awaitLog("JetStream has accepted none of its writes", 10); // its connection is up: no quorum
        assertEquals("SERVER_BUSY", loginAnswer(node), "a login on the isolated node");

        nats.get(1).start();
        nats.get(2).start();
        node.awaitLog("node n1 is serving again", 120);
        try (PushClient ann = ClusterTest.user(node, "ann")) {
            assertEquals("presence.list.ok", ann.request(MessageTypes.PRESENCE_LIST, Map.of()).type());
        }
    }

    /** The error code a login's first step gets, or the answer's type when it is not an error. */
    private static String loginAnswer(ServerProcess node) throws Exception {
        try (PushClient client = new PushClient(node)) {
            Frame answer = client.request(MessageTypes.AUTH_START, new AuthStart("ann", Scram.nonce()));
            return answer.body().path("code").asText(answer.type());
        }
    }
}
