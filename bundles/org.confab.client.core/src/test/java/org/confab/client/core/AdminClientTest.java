package org.confab.client.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.confab.protocol.ErrorCode;
import org.confab.protocol.Frame;
import org.confab.protocol.messages.AdminMessages.AddUser;
import org.confab.protocol.messages.AdminMessages.AuditEntry;
import org.confab.protocol.messages.AdminMessages.AuditPage;
import org.confab.protocol.messages.AdminMessages.AuditQuery;
import org.confab.protocol.messages.AdminMessages.Kick;
import org.confab.protocol.messages.AdminMessages.KickResult;
import org.confab.protocol.messages.AdminMessages.Notice;
import org.confab.protocol.messages.AdminMessages.OnlineList;
import org.confab.protocol.messages.AdminMessages.OnlineSession;
import org.confab.protocol.messages.AdminMessages.StatusReport;
import org.confab.protocol.messages.AdminMessages.UpdateUser;
import org.confab.protocol.messages.AdminMessages.UserEntry;
import org.confab.protocol.messages.AdminMessages.UserPage;
import org.confab.protocol.messages.AdminMessages.UserQuery;
import org.confab.protocol.messages.ClusterMessages;
import org.confab.protocol.messages.ClusterMessages.ClusterHealth;
import org.confab.protocol.messages.ClusterMessages.ClusterReport;
import org.confab.protocol.messages.ClusterMessages.NodeEntry;
import org.confab.protocol.messages.MessageTypes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The {@code admin.*} requests and the {@code admin.notice} push through {@link ConfabClient#admin()}. */
class AdminClientTest extends ClientTestSupport {
    private static final String ROOT_PASSWORD = "keeper of the keys 7";

    /** Alice on a second connection, for the sessions an administrator sees, kicks and notifies. */
    private ConfabClient alice;
    private RecordingListener aliceEvents;

    @Override
    void configureServer() {
        server.addUser("root", ROOT_PASSWORD, "Root");
        server.admins.add("root");
    }

    @AfterEach
    void closeAlice() {
        if (alice != null) {
            alice.close();
        }
    }

    private LoginResult loginAsRoot() throws Exception {
        await(client.connect());
        return await(client.login("root", ROOT_PASSWORD));
    }

    private void aliceLogsIn() throws Exception {
        alice = new ConfabClient(options().withClientName("alice-device/2"));
        aliceEvents = new RecordingListener();
        alice.addListener(aliceEvents);
        await(alice.connect());
        await(alice.login("alice", ALICE_PASSWORD));
    }

    @Test
    void everyAdminRequestOfANormalUserFailsWithNotAllowed() throws Exception {
        connectAndLogin();
        AdminClient admin = client.admin();

        List<Function<AdminClient, CompletableFuture<?>>> requests = List.of(
                a -> a.users(new UserQuery(null, null, 10)),
                a -> a.addUser(new AddUser("mallory", "long enough password", null, true)),
                a -> a.updateUser(new UpdateUser("alice", null, null, true, null, null)),
                a -> a.deleteUser("bob"), AdminClient::online, a -> a.kick(new Kick("bob", null, 5)),
                a -> a.broadcast("hello everyone"), a -> a.audit(new AuditQuery(null, 10)), AdminClient::status,
                AdminClient::cluster);
        for (Function<AdminClient, CompletableFuture<?>> request : requests) {
            ConfabException refused = assertInstanceOf(ConfabException.class, failure(request.apply(admin)));
            assertEquals(ErrorCode.NOT_ALLOWED, refused.code());
            assertEquals("only administrators may do this", refused.getMessage());
        }
        assertFalse(server.users.containsKey("mallory"));
        assertTrue(server.users.containsKey("bob"));
        assertEquals(0, events.notices.size());
    }

    @Test
    void loginReportsTheAdministratorRole() throws Exception {
        assertTrue(loginAsRoot().admin());
    }

    @Test
    void usersAreSearchedAndPaged() throws Exception {
        loginAsRoot();

        UserPage bobs = await(client.admin().users(new UserQuery("BO", null, 10)));
        Frame sent = server.awaitRequest(MessageTypes.ADMIN_USERS);
        UserPage second = await(client.admin().users(new UserQuery(null, 1, 1)));

        assertEquals(List.of("bob"), bobs.users().stream().map(UserEntry::username).toList());
        assertEquals("BO", sent.body().get("query").asText());
        assertFalse(sent.body().has("offset"), "absent optional fields are left out");
        assertEquals(10, sent.body().get("limit").asInt());
        assertEquals(List.of("bob"), second.users().stream().map(UserEntry::username).toList());
        assertEquals(3, second.total());
        assertTrue(second.more());
        UserEntry root = await(client.admin().users(new UserQuery("root", null, 1))).users().get(0);
        assertEquals(new UserEntry("root", "Root", true, false, true, FakeAdmin.CREATED_AT, null), root);
    }

    @Test
    void addUpdateAndDeleteAnAccount() throws Exception {
        loginAsRoot();

        UserEntry added = await(client.admin().addUser(new AddUser("Dave", "correct horse", "Dave D.", false)));
        Frame addFrame = server.awaitRequest(MessageTypes.ADMIN_USER_ADD);
        UserEntry locked = await(client.admin().updateUser(new UpdateUser("dave", "David", null, true, true, null)));
        UserEntry unlocked = await(client.admin().updateUser(new UpdateUser("dave", null, null, null, false, null)));
        int discarded = await(client.admin().deleteUser("dave")).discardedMessages();

        assertEquals(new UserEntry("dave", "Dave D.", false, false, false, FakeAdmin.CREATED_AT, null), added);
        assertEquals("correct horse", addFrame.body().get("password").asText());
        assertEquals(new UserEntry("dave", "David", true, true, false, FakeAdmin.CREATED_AT, null), locked);
        assertFalse(unlocked.locked());
        assertEquals(3, discarded);
        assertFalse(server.users.containsKey("dave"));
    }

    @Test
    void serverRefusalsCarryTheServersErrorCode() throws Exception {
        loginAsRoot();

        ConfabException taken = assertInstanceOf(ConfabException.class,
                failure(client.admin().addUser(new AddUser("bob", "long enough password", null, null))));
        ConfabException unknown = assertInstanceOf(ConfabException.class, failure(client.admin().deleteUser("nobody")));
        ConfabException weak = assertInstanceOf(ConfabException.class,
                failure(client.admin().addUser(new AddUser("erin", "short", null, null))));

        assertEquals(ErrorCode.USERNAME_TAKEN, taken.code());
        assertEquals(ErrorCode.NO_SUCH_USER, unknown.code());
        assertEquals("there is no user 'nobody'", unknown.getMessage());
        assertEquals(ErrorCode.WEAK_PASSWORD, weak.code());
    }

    @Test
    void onlineListsEverySessionWithAddressIdleTimeAndClient() throws Exception {
        loginAsRoot();
        aliceLogsIn();

        List<OnlineSession> sessions = await(client.admin().online());

        OnlineSession aliceSession = sessions.stream().filter(s -> s.username().equals("alice")).findFirst()
                .orElseThrow();
        assertEquals(2, sessions.size());
        assertTrue(aliceSession.address().startsWith("127.0.0.1:"), aliceSession.address());
        assertEquals(3, aliceSession.idleSeconds());
        assertEquals("alice-device/2", aliceSession.client());
    }

    @Test
    void kickWithReasonAndBanEndsTheOtherSessionForGood() throws Exception {
        loginAsRoot();
        aliceLogsIn();

        KickResult result = await(client.admin().kick(new Kick("alice", "please stop flooding", 60)));

        Frame sent = server.awaitRequest(MessageTypes.ADMIN_KICK);
        assertEquals("please stop flooding", sent.body().get("reason").asText());
        assertEquals(60, sent.body().get("banMinutes").asInt());
        assertEquals(1, result.sessionsClosed());
        assertNotNull(result.bannedUntil());
        RecordingListener.SessionEnd end = RecordingListener.next(aliceEvents.sessionEnds);
        assertEquals("KICKED", end.code());
        assertEquals("please stop flooding (banned)", end.reason());
        assertTrue(aliceEvents.awaitState(ConnectionState.DISCONNECTED).reason().contains("please stop flooding"));
        assertFalse(server.acceptsMoreThanWithin(2, 300), "a kicked client does not reconnect");
    }

    @Test
    void kickWithoutBanOmitsTheOptionalFields() throws Exception {
        loginAsRoot();

        KickResult result = await(client.admin().kick(new Kick("bob", null, null)));

        Frame sent = server.awaitRequest(MessageTypes.ADMIN_KICK);
        assertEquals(List.of("username"), iterable(sent.body().fieldNames()));
        assertEquals(0, result.sessionsClosed());
        assertNull(result.bannedUntil());
    }

    @Test
    void broadcastReachesEveryListenerTheSendersToo() throws Exception {
        loginAsRoot();
        aliceLogsIn();

        int recipients = await(client.admin().broadcast("The server restarts at 18:00.")).recipients();

        Notice notice = RecordingListener.next(aliceEvents.notices);
        assertEquals(2, recipients);
        assertEquals("root", notice.from());
        assertEquals("The server restarts at 18:00.", notice.text());
        assertTrue(notice.timestamp() > 0);
        assertEquals(notice.text(), RecordingListener.next(events.notices).text());
    }

    @Test
    void auditIsPagedNewestFirstAndStatusIsDecoded() throws Exception {
        loginAsRoot();
        await(client.admin().broadcast("first"));
        await(client.admin().kick(new Kick("bob", "second", null)));
        await(client.admin().broadcast("third"));

        AuditPage newest = await(client.admin().audit(new AuditQuery(null, 2)));
        AuditPage older = await(client.admin().audit(new AuditQuery(newest.entries().get(1).id(), 2)));
        StatusReport status = await(client.admin().status());

        assertEquals(List.of("broadcast", "kick"), newest.entries().stream().map(AuditEntry::action).toList());
        assertTrue(newest.more());
        AuditEntry kick = newest.entries().get(1);
        assertEquals("root", kick.actor());
        assertEquals("bob", kick.target());
        assertTrue(kick.address().startsWith("127.0.0.1:"), kick.address());
        assertEquals(List.of("broadcast"), older.entries().stream().map(AuditEntry::action).toList());
        assertFalse(older.more());
        assertEquals(new StatusReport(FakeAdmin.CREATED_AT, 42, 1, 1, 1, 3, 7, "Fake DB 1.0", 1_000_000L, 2_000_000L), status);
    }

    @Test
    void aServerThatRunsAloneHasNoClusterAndItsAnswersHaveNoNodes() throws Exception {
        loginAsRoot();

        Optional<ClusterReport> cluster = await(client.admin().cluster());
        OnlineList online = await(client.admin().sessions());

        assertEquals(Optional.empty(), cluster, "UNKNOWN_TYPE means: not part of a cluster");
        server.awaitRequest(ClusterMessages.CLUSTER);
        assertNull(online.sessions().get(0).node());
        assertEquals(List.of(), online.missingNodes());
        assertNull(await(client.admin().status()).cluster());
    }

    @Test
    void aClusterNodeReportsItsNodesHealthAndTheNodeOfEverySession() throws Exception {
        ClusterReport report = new ClusterReport("confab", "n1", List.of(
                new NodeEntry("n1", "SERVING", 1, true, "192.0.2.1:7771"), new NodeEntry("n2", "DEAD", 0, false, null)));
        ClusterHealth health = new ClusterHealth("confab", "n1", "DEGRADED", 2, 1);
        server.pluginHandlers.put(ClusterMessages.CLUSTER, (session, request) -> session.answer(request, report));
        server.pluginHandlers.put(MessageTypes.ADMIN_ONLINE, (session, request) -> session.answer(request, new OnlineList(
                List.of(new OnlineSession(5, "root", "127.0.0.1:1", 0, 0, null, "n1")), List.of("n2"))));
        server.pluginHandlers.put(MessageTypes.ADMIN_STATUS, (session, request) -> session.answer(request,
                new StatusReport(1, 2, 1, 1, 1, 3, 0, "Fake DB 1.0", 5, 6, health)));
        loginAsRoot();

        assertEquals(Optional.of(report), await(client.admin().cluster()));
        OnlineList online = await(client.admin().sessions());
        assertEquals("n1", online.sessions().get(0).node());
        assertEquals(List.of("n2"), online.missingNodes());
        assertEquals("n1", await(client.admin().online()).get(0).node());
        assertEquals(health, await(client.admin().status()).cluster());
    }

    @Test
    void aMalformedClusterAnswerFailsAndOtherRefusalsAreNotTakenForAServerAlone() throws Exception {
        ObjectNode hostile = JsonNodeFactory.instance.objectNode().put("cluster", "confab").put("self", "n1");
        hostile.putArray("nodes").addObject().put("node", "n1\u202e").put("state", "SERVING").put("sessions", 0)
                .put("self", true);
        server.pluginHandlers.put(ClusterMessages.CLUSTER, (session, request) -> session.answer(request, hostile));
        loginAsRoot();

        ConfabException malformed = assertInstanceOf(ConfabException.class, failure(client.admin().cluster()));
        assertTrue(malformed.getMessage().startsWith("server sent a malformed admin.cluster.ok: "), malformed.getMessage());

        server.pluginHandlers.put(ClusterMessages.CLUSTER,
                (session, request) -> session.error(request, ErrorCode.RATE_LIMITED, "slow down"));
        assertEquals(ErrorCode.RATE_LIMITED,
                assertInstanceOf(ConfabException.class, failure(client.admin().cluster())).code());
    }

    @Test
    void adminRequestsFailFastWhenNotConnected() {
        assertInstanceOf(ConfabConnectionException.class, failure(client.admin().status()));
    }

    private static List<String> iterable(Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
