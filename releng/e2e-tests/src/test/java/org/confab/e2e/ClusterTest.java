package org.confab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.confab.protocol.Frame;
import org.confab.protocol.Scram;
import org.confab.protocol.messages.AdminMessages.Kick;
import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.Messages.AuthStart;
import org.confab.protocol.messages.Messages.ChatAck;
import org.confab.protocol.messages.Messages.ChatSend;
import org.confab.protocol.messages.Messages.ChatSent;
import org.confab.protocol.messages.Messages.Register;
import org.confab.protocol.messages.Messages.TypingRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Three real server processes as one cluster (NATS with JetStream and MariaDB on loopback): users on
 * different nodes chat, see each other's presence and typing; an administrator on node 1 kicks a user
 * on node 3; the engine is stopped and restarted; a node is killed under load ({@link ClusterFailover}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterTest {
    static final String PASSWORD = "Correct-horse-battery-7";
    private static ClusterNodes cluster;

    @BeforeAll
    static void start() throws Exception {
        cluster = ClusterNodes.startOrSkip("cluster");
    }

    @AfterAll
    static void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    static PushClient user(ServerProcess node, String name) throws Exception {
        PushClient client = new PushClient(node);
        Frame registered = client.request(MessageTypes.REGISTER, new Register(name, PASSWORD, name));
        assertTrue(registered.type().equals("account.register.ok")
                || registered.body().path("code").asText().equals("USERNAME_TAKEN"), registered.toString());
        client.login(name, PASSWORD);
        return client;
    }

    static boolean presence(Frame push, String username, boolean online) {
        return push.body().path("username").asText().equals(username) && push.body().path("online").asBoolean() == online;
    }

    @Test
    @Order(1)
    void usersOnDifferentNodesChatAndSeeEachOther() throws Exception {
        try (PushClient bob = user(cluster.node(3), "bob"); PushClient carl = user(cluster.node(2), "carl")) {
            PushClient ann = user(cluster.node(1), "ann");
            bob.awaitPush(MessageTypes.PRESENCE_UPDATE, p -> presence(p, "ann", true), 20);
            carl.awaitPush(MessageTypes.PRESENCE_UPDATE, p -> presence(p, "ann", true), 20);

            Frame list = carl.request(MessageTypes.PRESENCE_LIST, Map.of());
            List<String> online = new java.util.ArrayList<>();
            list.body().path("users").forEach(u -> {
                if (u.path("online").asBoolean()) {
                    online.add(u.path("username").asText());
                }
            });
            assertTrue(online.containsAll(List.of("ann", "bob", "carl")), "online as node 2 sees it: " + online);

            Frame sent = ann.request(MessageTypes.CHAT_SEND, new ChatSend("bob", "c-1", "hello from node 1"));
            long id = ann.codec.read(sent, ChatSent.class).messageId();
            Frame message = bob.awaitPush(MessageTypes.CHAT_MESSAGE, p -> p.body().path("messageId").asLong() == id, 20);
            assertEquals("hello from node 1", message.body().path("text").asText());
            bob.request(MessageTypes.CHAT_ACK, new ChatAck(List.of(id)));
            ann.awaitPush(MessageTypes.CHAT_DELIVERED, p -> p.body().path("messageIds").toString().contains("" + id), 20);

            ann.request(MessageTypes.CHAT_TYPING, new TypingRequest("bob", true));
            bob.awaitPush(MessageTypes.CHAT_TYPING_UPDATE, p -> p.body().path("from").asText().equals("ann"), 20);

            ann.close();
            bob.awaitPush(MessageTypes.PRESENCE_UPDATE, p -> presence(p, "ann", false), 20);
        }
    }

    @Test
    @Order(2)
    void kickFromNodeOneReachesUserOnNodeThree() throws Exception {
        try (PushClient dave = user(cluster.node(3), "dave"); PushClient admin = new PushClient(cluster.node(1))) {
            admin.login("admin", ClusterNodes.ADMIN_PASSWORD);
            Frame nodes = admin.request("admin.cluster", Map.of());
            assertEquals("admin.cluster.ok", nodes.type(), nodes.toString());
            for (String node : List.of("n1", "n2", "n3")) {
                assertTrue(nodes.body().toString().contains("\"node\":\"" + node + "\",\"state\":\"SERVING\""),
                        nodes.body().toString());
            }
            Frame kicked = admin.request(MessageTypes.ADMIN_KICK, new Kick("dave", "cluster test", null));
            assertEquals("admin.kick.ok", kicked.type(), kicked.toString());
            Frame closed = dave.awaitPush(MessageTypes.SESSION_CLOSED, p -> true, 20);
            assertEquals("KICKED", closed.body().path("code").asText(), closed.toString());
        }
    }

    @Test
    @Order(3)
    void nodesStopServingWithoutTheEngineAndRecoverWhenItIsBack() throws Exception {
        try (PushClient gina = user(cluster.node(3), "gina")) {
            gina.request(MessageTypes.LOGOUT, Map.of());
        }
        long stored;
        try (PushClient frank = user(cluster.node(1), "frank")) {
            stored = frank.codec.read(frank.request(MessageTypes.CHAT_SEND,
                    new ChatSend("gina", "before-outage", "acknowledged before the outage")), ChatSent.class).messageId();
        }
        PushClient erin = user(cluster.node(2), "erin");

        cluster.nats.kill();
        Frame closed = erin.awaitPush(MessageTypes.SESSION_CLOSED, p -> true, 30);
        assertEquals("SHUTDOWN", closed.body().path("code").asText(), closed.toString());
        try (PushClient refused = new PushClient(cluster.node(2))) {
            Frame answer = refused.request(MessageTypes.AUTH_START, new AuthStart("erin", Scram.nonce()));
            assertEquals("SERVER_BUSY", answer.body().path("code").asText(), answer.toString());
        }

        cluster.nats.start();
        for (int i = 1; i <= 3; i++) {
            cluster.node(i).awaitLog("node n" + i + " is serving again", 60);
        }
        try (PushClient gina = new PushClient(cluster.node(2))) {
            gina.login("gina", PASSWORD);
            Frame message = gina.awaitPush(MessageTypes.CHAT_MESSAGE, p -> p.body().path("messageId").asLong() == stored, 20);
            assertEquals("acknowledged before the outage", message.body().path("text").asText());
            try (PushClient frank = new PushClient(cluster.node(1))) {
                frank.login("frank", PASSWORD);
                long live = frank.codec.read(frank.request(MessageTypes.CHAT_SEND,
                        new ChatSend("gina", "after-outage", "pushed across nodes again")), ChatSent.class).messageId();
                gina.awaitPush(MessageTypes.CHAT_MESSAGE, p -> p.body().path("messageId").asLong() == live, 20);
            }
        }
    }

    @Test
    @Order(4)
    void killedNodeLosesNoAcknowledgedMessage() throws Exception {
        ClusterFailover.run(cluster);
    }
}
