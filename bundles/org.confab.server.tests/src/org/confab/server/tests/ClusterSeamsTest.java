package org.confab.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.confab.protocol.Frame;
import org.confab.protocol.messages.ClusterMessages.ClusterHealth;
import org.confab.protocol.messages.ClusterMessages.NodeAddress;
import org.confab.protocol.messages.AdminMessages.Kick;
import org.confab.protocol.messages.AdminMessages.KickResult;
import org.confab.protocol.messages.AdminMessages.OnlineList;
import org.confab.protocol.messages.AdminMessages.OnlineSession;
import org.confab.protocol.messages.AdminMessages.StatusReport;
import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.Messages.AuthOk;
import org.confab.protocol.messages.Messages.ChatMessage;
import org.confab.protocol.messages.Messages.ChatSend;
import org.confab.protocol.messages.Messages.HistoryRequest;
import org.confab.protocol.messages.Messages.MessagePage;
import org.confab.protocol.messages.Messages.ChatSent;
import org.confab.protocol.messages.Messages.PresenceList;
import org.confab.protocol.messages.Messages.ReadRequest;
import org.confab.server.api.UserSessions;
import org.confab.server.spi.ClusterAdministration;
import org.confab.server.spi.Gathered;
import org.confab.server.spi.NodePush;
import org.confab.server.spi.OtherNodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

/**
 * The core's side of a cluster, with stand-ins for the other nodes registered in the running server
 * (the cluster bundle itself is tested against real NATS in its own tests and in the end-to-end
 * ClusterTest): administration lists, kicks and reports across nodes, read marks and plugin pushes
 * go to the other nodes, and presence shows the status a user set on another node.
 */
@Timeout(120)
class ClusterSeamsTest extends AdminTestSupport {

    /** What the core asked of the other nodes. */
    private record Pushed(String username, String type, String capability) {
    }

    private static final List<NodeAddress> SERVING = List.of(
            new NodeAddress("192.0.2.11:7777", "SHA256:Z2uLuEznJn3VIN7KSBHI8QpT5jY1LwaYf0L+QlrO3YA"),
            new NodeAddress("192.0.2.12:7777", null));
    private final BundleContext context = FrameworkUtil.getBundle(ClusterSeamsTest.class).getBundleContext();
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private final List<Pushed> pushed = new ArrayList<>();
    private final List<String> closed = new CopyOnWriteArrayList<>();
    private volatile String remoteUser = "";

    @BeforeEach
    void joinStandIns() {
        register(OtherNodes.class, new OtherNodes() {
            @Override
            public boolean isOnlineElsewhere(String username) {
                return username.equals(remoteUser);
            }

            @Override
            public Set<String> onlineElsewhere() {
                return Set.of(remoteUser);
            }

            @Override
            public void localSessions(String username, boolean any) {
            }

            @Override
            public void push(String username, NodePush push) {
                record(new Pushed(username, push.frame().type(), null));
            }

            @Override
            public void push(String username, String capability, Frame frame) {
                record(new Pushed(username, frame.type(), capability));
            }

            @Override
            public void broadcast(Frame frame) {
            }

            @Override
            public void closeSessions(String username, String code, String reason) {
                closed.add(username);
            }

            @Override
            public Optional<String> sharedStatus(String username) {
                return username.equals(remoteUser) ? Optional.of("busy") : Optional.empty();
            }

            @Override
            public List<NodeAddress> servingNodes() {
                return SERVING;
            }
        });
        register(ClusterAdministration.class, new ClusterAdministration() {
            @Override
            public String self() {
                return "here";
            }

            @Override
            public Gathered<List<OnlineSession>> sessionsElsewhere() {
                return new Gathered<>(List.of(new OnlineSession(7, remoteUser, "192.0.2.9:4000", 1, 2, null, "there")),
                        List.of("silent"));
            }

            @Override
            public Gathered<Integer> closeElsewhere(String username, String code, String reason) {
                closed.add(username);
                return new Gathered<>(2, List.of());
            }

            @Override
            public ClusterHealth health() {
                return new ClusterHealth("seams", "here", ClusterHealth.DEGRADED, 3, 2);
            }
        });
    }

    @AfterEach
    void leave() {
        registrations.forEach(ServiceRegistration::unregister);
        registrations.clear();
    }

    private void record(Pushed push) {
        synchronized (pushed) {
            pushed.add(push);
            pushed.notifyAll();
        }
    }

    /** Waits until the core has handed {@code expected} to the other nodes (pushes follow the answer). */
    private void awaitPushed(Pushed expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        synchronized (pushed) {
            while (!pushed.contains(expected)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError(expected + " not pushed to the other nodes; pushed " + pushed);
                }
                TimeUnit.NANOSECONDS.timedWait(pushed, left);
            }
        }
    }

    private <T> void register(Class<T> type, T service) {
        Dictionary<String, Object> none = new Hashtable<>();
        registrations.add(context.registerService(type, service, none));
    }

    @Test
    void administrationListsKicksAndReportsAcrossNodes() throws Exception {
        remoteUser = register("remote");
        String local = register("local");
        try (TestClient admin = loggedIn(newAdmin()); TestClient user = loggedIn(local)) {
            OnlineList online = ok(admin, MessageTypes.ADMIN_ONLINE, null, OnlineList.class);
            assertEquals("there", online.sessions().stream().filter(s -> s.username().equals(remoteUser)).findFirst()
                    .orElseThrow().node(), online.toString());
            assertEquals("here", online.sessions().stream().filter(s -> s.username().equals(local)).findFirst()
                    .orElseThrow().node(), online.toString());
            assertEquals(List.of("silent"), online.missingNodes());

            KickResult kicked = ok(admin, MessageTypes.ADMIN_KICK, new Kick(local, null, null), KickResult.class);
            assertEquals(3, kicked.sessionsClosed(), "one here, two on the other nodes");
            assertEquals(List.of(local), closed);

            StatusReport status = ok(admin, MessageTypes.ADMIN_STATUS, null, StatusReport.class);
            assertEquals(new ClusterHealth("seams", "here", "DEGRADED", 3, 2), status.cluster());
        }
    }

    /** A login answer lists the serving nodes, which a client may fail over to; a single server's lists none. */
    @Test
    void aLoginAnswerListsTheServingNodes() throws Exception {
        String user = register("listed");
        try (TestClient client = TestClient.connected(server())) {
            AuthOk ok = client.body(client.login(user, PASSWORD), AuthOk.class);
            assertEquals(SERVING, ok.nodes());
        }
        leave();
        try (TestClient client = TestClient.connected(server())) {
            Frame alone = client.login(user, PASSWORD);
            assertEquals("auth.finish.ok", alone.type(), alone.toString());
            assertFalse(alone.body().has("nodes"), alone.toString());
        }
    }

    @Test
    void withoutAClusterNothingChanges() throws Exception {
        leave();
        String local = register("alone");
        try (TestClient admin = loggedIn(newAdmin()); TestClient user = loggedIn(local)) {
            Frame online = admin.request(MessageTypes.ADMIN_ONLINE);
            assertTrue(online.toString().contains(local), online.toString());
            assertFalse(online.toString().contains("\"node\"") || online.toString().contains("missingNodes"),
                    online.toString());
            assertNull(ok(admin, MessageTypes.ADMIN_STATUS, null, StatusReport.class).cluster());
        }
    }

    @Test
    void readMarksAndPluginPushesGoToTheOtherNodes() throws Exception {
        String alice = register("alice");
        String bob = register("bob");
        try (TestClient aliceClient = loggedIn(alice); TestClient bobClient = loggedIn(bob)) {
            long id = aliceClient.body(aliceClient.request(MessageTypes.CHAT_SEND, new ChatSend(bob, clientId(), "hi")),
                    ChatSent.class).messageId();
            bobClient.await(MessageTypes.CHAT_MESSAGE);
            assertEquals("chat.read.ok", bobClient.request(MessageTypes.CHAT_READ, new ReadRequest(alice, id)).type());
            awaitPushed(new Pushed(alice, MessageTypes.CHAT_READ_UPDATE, null));
            awaitPushed(new Pushed(bob, MessageTypes.CHAT_READ_UPDATE, null));

            UserSessions sessions = Services.await(UserSessions.class, 10_000);
            sessions.push(bob, "x.seams", Frame.of("x.seams.note", 0));
            awaitPushed(new Pushed(bob, "x.seams.note", "x.seams"));
        }
    }

    @Test
    void presenceListsARemoteUserWithTheStatusSetThere() throws Exception {
        remoteUser = register("busy");
        try (TestClient watcher = loggedIn(register("watcher"))) {
            PresenceList list = ok(watcher, MessageTypes.PRESENCE_LIST, null, PresenceList.class);
            var entry = list.users().stream().filter(u -> u.username().equals(remoteUser)).findFirst().orElseThrow();
            assertTrue(entry.online(), entry.toString());
            assertEquals("busy", entry.status(), entry.toString());
        }
    }

    /**
     * Message ids follow the order of storing across nodes. Every node takes ids from the shared
     * sequence in blocks; here "another node" takes the next block and commits a reply with its first
     * id, as a node of a cluster would. The next message stored here must sort after that reply (before,
     * this node went on with its older block, so the message sorted before the reply it follows).
     */
    @Test
    void aMessageStoredAfterAnotherNodesReplyGetsAHigherId() throws Exception {
        String alice = register("alice");
        String bob = register("bob");
        try (TestClient aliceClient = loggedIn(alice)) {
            long first = send(aliceClient, bob, "first");
            long reply = storeAsAnotherNode(bob, alice, "a reply stored on another node");
            long next = send(aliceClient, bob, "after the reply");
            assertTrue(first < reply && reply < next, "ids in the order stored: " + List.of(first, reply, next));
            MessagePage history = ok(aliceClient, MessageTypes.CHAT_HISTORY, new HistoryRequest(bob, null, 10), MessagePage.class);
            assertEquals(List.of("first", "a reply stored on another node", "after the reply"),
                    history.messages().stream().sorted(Comparator.comparingLong(ChatMessage::messageId)).map(ChatMessage::text).toList());
        }
    }

    private static long send(TestClient client, String to, String text) throws Exception {
        return client.body(client.request(MessageTypes.CHAT_SEND, new ChatSend(to, clientId(), text)), ChatSent.class).messageId();
    }

    /** What another node does to store a message: a block of ids from the shared sequence, then its first id. */
    private static long storeAsAnotherNode(String sender, String recipient, String text) throws Exception {
        EntityManagerFactory factory = Services.await(EntityManagerFactory.class, 60_000);
        EntityManager em = factory.createEntityManager();
        try {
            em.getTransaction().begin();
            Connection connection = em.unwrap(Connection.class);
            try (PreparedStatement take = connection.prepareStatement(
                    "UPDATE CONFAB_SEQUENCE SET NEXT_VALUE = NEXT_VALUE + 1000 WHERE NAME = 'MESSAGE'")) {
                assertEquals(1, take.executeUpdate());
            }
            long id;
            try (PreparedStatement read = connection.prepareStatement("SELECT NEXT_VALUE FROM CONFAB_SEQUENCE WHERE NAME = 'MESSAGE'");
                    ResultSet row = read.executeQuery()) {
                assertTrue(row.next());
                id = row.getLong(1) - 999;
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO CONFAB_MESSAGE"
                    + " (ID, SENDER, RECIPIENT, CLIENT_MESSAGE_ID, BODY, SENT_AT) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setLong(1, id);
                insert.setString(2, sender);
                insert.setString(3, recipient);
                insert.setString(4, clientId());
                insert.setString(5, text);
                insert.setLong(6, System.currentTimeMillis());
                insert.executeUpdate();
            }
            em.getTransaction().commit();
            return id;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }
}
