package org.confab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.confab.protocol.Frame;
import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.Messages.ChatAck;
import org.confab.protocol.messages.Messages.ChatSend;

/**
 * A node is killed with SIGKILL while two users on other nodes send to a user on it: every message
 * the senders had acknowledged reaches the recipient once, in order per conversation, after the
 * recipient logged in again on a surviving node; and nothing is left pending afterwards. The users of the
 * surviving nodes see the recipient go offline once the killed node is found silent.
 */
final class ClusterFailover {
    private static final int MESSAGES = 300;
    private static final int KILL_AFTER = 100;
    private static final int WINDOW = 16;

    private ClusterFailover() {
    }

    static void run(ClusterNodes cluster) throws Exception {
        PushClient rita = ClusterTest.user(cluster.node(2), "rita");
        Map<String, List<Long>> acknowledged = new LinkedHashMap<>();
        CountDownLatch halfway = new CountDownLatch(2);
        List<CompletableFuture<Void>> senders = new ArrayList<>();
        List<PushClient> senderClients = new ArrayList<>();
        for (String[] sender : new String[][] { { "sam", "1" }, { "tess", "3" } }) {
            PushClient client = ClusterTest.user(cluster.node(Integer.parseInt(sender[1])), sender[0]);
            senderClients.add(client);
            List<Long> ids = new ArrayList<>();
            acknowledged.put(sender[0], ids);
            senders.add(CompletableFuture.runAsync(() -> send(client, sender[0], ids, halfway)));
        }
        assertTrue(halfway.await(120, TimeUnit.SECONDS), "the load did not get halfway");
        cluster.node(2).kill();
        CompletableFuture.allOf(senders.toArray(CompletableFuture[]::new)).get(300, TimeUnit.SECONDS);
        rita.close();
        // the survivors find the killed node silent, take it out of the directory and tell their users
        for (PushClient sender : senderClients) {
            sender.awaitPush(MessageTypes.PRESENCE_UPDATE, p -> ClusterTest.presence(p, "rita", false), 30);
        }

        try (PushClient again = new PushClient(cluster.node(3))) {
            again.login("rita", ClusterTest.PASSWORD);
            Map<String, List<Long>> received = receiveAll(again, acknowledged);
            assertEquals(acknowledged, received, "every acknowledged message once, in order per conversation");
        }
        try (PushClient last = new PushClient(cluster.node(1))) {
            last.login("rita", ClusterTest.PASSWORD);
            last.request(MessageTypes.PRESENCE_LIST, Map.of()); // answered after any pending push was queued
            assertEquals(List.of(), last.pushes(MessageTypes.CHAT_MESSAGE), "nothing left pending");
        }
    }

    private static void send(PushClient client, String sender, List<Long> ids, CountDownLatch halfway) {
        try {
            List<CompletableFuture<Frame>> window = new ArrayList<>();
            for (int i = 0; i < MESSAGES; i++) {
                window.add(client.send(MessageTypes.CHAT_SEND, new ChatSend("rita", sender + "-" + i, sender + " " + i)));
                if (window.size() == WINDOW || i == MESSAGES - 1) {
                    for (CompletableFuture<Frame> answer : window) {
                        Frame ok = answer.get(60, TimeUnit.SECONDS);
                        assertEquals("chat.send.ok", ok.type(), ok.toString());
                        synchronized (ids) {
                            ids.add(ok.body().path("messageId").asLong());
                        }
                    }
                    window.clear();
                }
                if (i == KILL_AFTER) {
                    halfway.countDown();
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(sender + " failed", e);
        }
    }

    /** Takes the backlog page by page (each acknowledged, so the next comes) until every expected id arrived. */
    private static Map<String, List<Long>> receiveAll(PushClient client, Map<String, List<Long>> expected) throws Exception {
        int total = expected.values().stream().mapToInt(List::size).sum();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        int acked = 0;
        while (true) {
            List<Frame> pushes = client.pushes(MessageTypes.CHAT_MESSAGE);
            if (pushes.size() > acked) {
                List<Long> ids = pushes.subList(acked, pushes.size()).stream()
                        .map(p -> p.body().path("messageId").asLong()).toList();
                client.request(MessageTypes.CHAT_ACK, new ChatAck(ids));
                acked = pushes.size();
            }
            if (acked >= total) {
                break;
            }
            assertTrue(System.nanoTime() < deadline, "only " + acked + " of " + total + " messages arrived");
            int seen = acked;
            client.awaitPush(MessageTypes.CHAT_MESSAGE, p -> client.pushes(MessageTypes.CHAT_MESSAGE).size() > seen, 60);
        }
        Map<String, List<Long>> received = new LinkedHashMap<>();
        expected.keySet().forEach(sender -> received.put(sender, new ArrayList<>()));
        for (Frame push : client.pushes(MessageTypes.CHAT_MESSAGE)) {
            received.computeIfAbsent(push.body().path("from").asText(), s -> new ArrayList<>())
                    .add(push.body().path("messageId").asLong());
        }
        return received;
    }
}
