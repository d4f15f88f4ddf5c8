package org.confab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.confab.protocol.Frame;
import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.Messages.ChatSend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Clients fail over by themselves: a real {@code ./confab cli receive} of bob is on node 1 while alice
 * sends a steady stream through node 3; node 1 is killed with SIGKILL in the middle. Bob's CLI process
 * reconnects to a surviving node on its own, and prints every message acknowledged to alice exactly
 * once, in order: given the three nodes ({@code --server n1,n2,n3}), and given node 1 alone, when it
 * goes to the nodes node 1's login answer listed, trusting their certificates as node 1 vouched for them.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ClusterFailoverTest {
    private static final int MESSAGES = 300;
    private static final int KILL_AFTER = 100;
    private static final Pattern MESSAGE_ID = Pattern.compile("\"id\":(\\d+)");
    private ClusterNodes cluster;

    @AfterEach
    void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aReceivingCliGivenEveryNodeMovesToASurvivingOneAndPrintsEveryAcknowledgedMessageOnceInOrder() throws Exception {
        cluster = ClusterNodes.startOrSkip("cluster-failover");
        receivesEverythingAcrossTheKill(nodeList(), fingerprints());
    }

    @Test
    void aReceivingCliGivenOneNodeMovesToANodeItsLoginAnswerListed() throws Exception {
        cluster = ClusterNodes.startOrSkip("cluster-failover-one-address");
        receivesEverythingAcrossTheKill(cluster.node(1).address(), cluster.node(1).fingerprint);
    }

    private void receivesEverythingAcrossTheKill(String servers, String fingerprints) throws Exception {
        ClusterTest.user(cluster.node(1), "bob").close();
        try (PushClient alice = ClusterTest.user(cluster.node(3), "alice")) {
            Processes.Running bob = Processes.start(Map.of("CONFAB_PASSWORD", ClusterTest.PASSWORD), "cli",
                    "--server", servers, "--fingerprint", fingerprints, "--user", "bob", "--json", "receive",
                    "--wait", "300", "--count", String.valueOf(MESSAGES));
            alice.awaitPush(MessageTypes.PRESENCE_UPDATE, p -> ClusterTest.presence(p, "bob", true), 60);

            List<Long> acknowledged = new ArrayList<>();
            CountDownLatch halfway = new CountDownLatch(1);
            CompletableFuture<Void> stream = CompletableFuture.runAsync(() -> send(alice, acknowledged, halfway));
            assertTrue(halfway.await(120, TimeUnit.SECONDS), "the stream did not get halfway");
            long printedBeforeTheKill = idAt(acknowledged, KILL_AFTER - 1);
            // bob's CLI printed and acknowledged it on node 1: the receipt comes back to alice
            alice.awaitPush(MessageTypes.CHAT_DELIVERED,
                    p -> p.body().path("messageIds").toString().contains(String.valueOf(printedBeforeTheKill)), 60);
            cluster.node(1).kill();
            stream.get(300, TimeUnit.SECONDS);

            Processes.Result result = bob.await(300);
            assertEquals(0, result.exitCode(), result.toString());
            List<Long> printed = printedIds(result.stdout());
            // alice sends one after the other, so the acknowledged ids ascend
            assertEquals(acknowledged, printed.stream().sorted().toList(), "every acknowledged message once: none lost, none twice");
            assertEquals(acknowledged, printed, "in the order alice sent them");
            assertFalse(cluster.node(1).process.isAlive(), "the messages after the kill came through another node");
        }
    }

    /** Sends one message after the other (each waits for its acknowledgement): a steady stream. */
    private static void send(PushClient alice, List<Long> acknowledged, CountDownLatch halfway) {
        try {
            for (int i = 0; i < MESSAGES; i++) {
                Frame ok = alice.request(MessageTypes.CHAT_SEND, new ChatSend("bob", "failover-" + i, "message " + i));
                assertEquals("chat.send.ok", ok.type(), ok.toString());
                synchronized (acknowledged) {
                    acknowledged.add(ok.body().path("messageId").asLong());
                }
                if (i == KILL_AFTER - 1) {
                    halfway.countDown();
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("alice's stream failed", e);
        }
    }

    private static long idAt(List<Long> ids, int index) {
        synchronized (ids) {
            return ids.get(index);
        }
    }

    private String nodeList() {
        List<String> nodes = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            nodes.add(cluster.node(i).address());
        }
        return String.join(",", nodes);
    }

    private String fingerprints() {
        List<String> fingerprints = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            fingerprints.add(cluster.node(i).fingerprint);
        }
        return String.join(",", fingerprints);
    }

    private static List<Long> printedIds(String jsonLines) {
        List<Long> ids = new ArrayList<>();
        Matcher id = MESSAGE_ID.matcher(jsonLines);
        while (id.find()) {
            ids.add(Long.parseLong(id.group(1)));
        }
        return ids;
    }
}
