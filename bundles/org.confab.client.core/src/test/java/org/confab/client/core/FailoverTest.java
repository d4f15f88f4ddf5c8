package org.confab.client.core;

import static org.confab.client.core.ClientTestSupport.await;
import static org.confab.client.core.ClientTestSupport.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.confab.protocol.messages.ClusterMessages.NodeAddress;
import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.Messages.ChatSent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A client given several servers (the nodes of a cluster) connects to one that answers and fails over. */
class FailoverTest {
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final RecordingListener events = new RecordingListener();

    @TempDir
    Path home;

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable resource : resources.reversed()) {
            resource.close();
        }
    }

    @Test
    void whenItsServerDiesTheClientContinuesOnTheNextAndResendsWhatWasNotAcknowledged() throws Exception {
        FakeServer first = server();
        FakeServer second = server();
        ConfabClient client = client(ServerTrust.plain(), address(first), address(second));
        connectAndLogin(client);
        assertEquals(Optional.of(address(first)), client.server());
        first.awaitSession();
        first.ignoredTypes.add(MessageTypes.CHAT_SEND); // stored nowhere yet: the node dies before it answers
        CompletableFuture<ChatSent> waiting = client.send("bob", "cm-1", "across the failover");
        first.awaitRequest(MessageTypes.CHAT_SEND);

        first.close();

        second.awaitSession();
        assertEquals("cm-1", second.awaitRequest(MessageTypes.CHAT_SEND).body().get("clientMessageId").asText());
        long acknowledgedId = await(waiting).messageId(); // first: the server stores before it answers
        assertEquals(second.storedByClientId.get("cm-1").messageId(), acknowledgedId);
        events.awaitState(ConnectionState.RECONNECTING);
        RecordingListener.StateChange back = events.awaitState(ConnectionState.CONNECTED);
        assertTrue(back.reason().contains(address(second).toString()), back.reason());
        assertEquals(Optional.of(address(second)), client.server());
        assertEquals(1, second.logins.get(), "logged in again on the second server");
    }

    @Test
    void connectGoesPastAServerThatDoesNotAnswer() throws Exception {
        FakeServer working = server();
        ConfabClient client = client(ServerTrust.plain(), new ServerAddress("127.0.0.1", unusedPort()), address(working));

        connectAndLogin(client);

        assertEquals(Optional.of(address(working)), client.server());
        assertEquals(1, working.logins.get());
    }

    @Test
    void whenNoServerAnswersTheFailureNamesEach() throws Exception {
        ServerAddress one = new ServerAddress("127.0.0.1", unusedPort());
        ServerAddress two = new ServerAddress("127.0.0.1", unusedPort());
        ConfabClient client = client(ServerTrust.plain(), one, two);

        Throwable failure = failure(client.connect());

        assertInstanceOf(ConfabConnectionException.class, failure);
        assertTrue(failure.getMessage().contains(one.toString()) && failure.getMessage().contains(two.toString()),
                failure.getMessage());
        assertEquals(Optional.empty(), client.server());
    }

    @Test
    void aNodeWithAnUnknownCertificateIsSkippedAndTheNextOneTried() throws Exception {
        TlsNode firstNode = tlsNode("first");
        FakeServer first = firstNode.server();
        TlsNode strangerNode = tlsNode("stranger");
        FakeServer stranger = strangerNode.server();
        TlsNode thirdNode = tlsNode("third");
        FakeServer third = thirdNode.server();
        KnownServers known = KnownServers.at(home.resolve("known_servers"));
        known.remember(address(first).toString(), firstNode.key().fingerprint());
        known.remember(address(third).toString(), thirdNode.key().fingerprint());
        ConfabClient client = client(ServerTrust.knownServers(known), address(first), address(stranger), address(third));
        connectAndLogin(client);

        first.close();

        third.awaitSession();
        RecordingListener.StateChange skipped = events.awaitState(ConnectionState.RECONNECTING);
        while (!skipped.reason().startsWith("skipped")) {
            skipped = events.awaitState(ConnectionState.RECONNECTING);
        }
        assertTrue(skipped.reason().contains(address(stranger).toString()), skipped.reason());
        assertTrue(skipped.reason().contains(strangerNode.key().fingerprint().toString()), skipped.reason());
        events.awaitState(ConnectionState.CONNECTED);
        assertEquals(Optional.of(address(third)), client.server());
        assertEquals(0, stranger.logins.get());
        assertEquals(Optional.empty(), known.lookup(address(stranger).toString()), "never trusted behind the user's back");
    }

    @Test
    void whenEveryOtherNodeIsUntrustedReconnectingEndsWithTheReason() throws Exception {
        TlsNode firstNode = tlsNode("first");
        FakeServer first = firstNode.server();
        TlsNode strangerNode = tlsNode("stranger");
        FakeServer stranger = strangerNode.server();
        KnownServers known = KnownServers.at(home.resolve("known_servers"));
        known.remember(address(first).toString(), firstNode.key().fingerprint());
        ConfabClient client = client(ServerTrust.knownServers(known), address(first), address(stranger));
        connectAndLogin(client);
        CompletableFuture<ChatSent> waiting = sendUnanswered(client, first);

        first.close();

        RecordingListener.StateChange end = events.awaitState(ConnectionState.DISCONNECTED);
        assertTrue(end.reason().startsWith(UntrustedServerException.REASON_CODE), end.reason());
        assertInstanceOf(UntrustedServerException.class, failure(waiting));
        assertFalse(stranger.acceptsMoreThanWithin(2, 500), "gave up instead of knocking on");
    }

    /** A client given one node of a cluster fails over to the nodes its login answer listed. */
    @Test
    void aClientGivenOneNodeFailsOverToTheNodesItsLoginAnswerListed() throws Exception {
        FakeServer first = server();
        FakeServer second = server();
        first.announcedNodes = List.of(new NodeAddress(address(first).toString(), null),
                new NodeAddress(address(second).toString(), null));
        ConfabClient client = client(ServerTrust.plain(), address(first));
        connectAndLogin(client);
        CompletableFuture<ChatSent> waiting = sendUnanswered(client, first);

        first.close();

        second.awaitSession();
        await(waiting);
        awaitConnectedTo(address(second));
        assertEquals(Optional.of(address(second)), client.server());
    }

    /**
     * With TLS, a listed node is trusted when it presents the certificate the node the client logged in
     * to vouched for, without being remembered; one presenting another certificate is skipped.
     */
    @Test
    void aListedNodeIsTrustedOnlyWithTheFingerprintItsClusterVouchedFor() throws Exception {
        TlsNode first = tlsNode("first");
        TlsNode impostor = tlsNode("impostor");
        TlsNode third = tlsNode("third");
        String thirdsFingerprint = third.key().fingerprint().toString();
        // the cluster says the second node has the third's certificate: the one answering there is not it
        first.server().announcedNodes = List.of(new NodeAddress(address(impostor.server()).toString(), thirdsFingerprint),
                new NodeAddress(address(third.server()).toString(), thirdsFingerprint));
        KnownServers known = KnownServers.at(home.resolve("known_servers"));
        known.remember(address(first.server()).toString(), first.key().fingerprint());
        ConfabClient client = client(ServerTrust.knownServers(known), address(first.server()));
        connectAndLogin(client);

        first.server().close();

        third.server().awaitSession();
        awaitConnectedTo(address(third.server()));
        assertEquals(Optional.of(address(third.server())), client.server());
        assertEquals(0, impostor.server().logins.get(), "the node with another certificate was not logged in to");
        assertEquals(Optional.empty(), known.lookup(address(third.server()).toString()), "vouched for, not remembered");
    }

    /** Waits for the state change that says the client is connected again, to {@code node}. */
    private void awaitConnectedTo(ServerAddress node) throws Exception {
        RecordingListener.StateChange connected = events.awaitState(ConnectionState.CONNECTED);
        while (!connected.reason().contains(node.toString())) {
            connected = events.awaitState(ConnectionState.CONNECTED);
        }
    }

    private static CompletableFuture<ChatSent> sendUnanswered(ConfabClient client, FakeServer server) throws Exception {
        server.ignoredTypes.add(MessageTypes.CHAT_SEND);
        CompletableFuture<ChatSent> waiting = client.send("bob", "waits for a trusted node");
        server.awaitRequest(MessageTypes.CHAT_SEND);
        return waiting;
    }

    /** A fake server with TLS and its certificate. */
    private record TlsNode(TestCertificate key, FakeServer server) {
    }

    private TlsNode tlsNode(String name) throws Exception {
        TestCertificate key = TestCertificate.generate(home, name);
        return new TlsNode(key, server(new FakeServer(key.context())));
    }

    private FakeServer server() throws Exception {
        return server(new FakeServer());
    }

    private FakeServer server(FakeServer server) {
        server.addUser("alice", ClientTestSupport.ALICE_PASSWORD);
        server.addUser("bob", "bob's password");
        resources.add(server);
        return server;
    }

    private ConfabClient client(ServerTrust trust, ServerAddress... servers) {
        ConfabClient client = new ConfabClient(ClientOptions.of(List.of(servers)).withClientName("confab-test/1")
                .withTrust(trust).withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(700))
                .withReconnectDelays(Duration.ofMillis(20), Duration.ofMillis(100)));
        client.addListener(events);
        resources.add(client);
        return client;
    }

    private static void connectAndLogin(ConfabClient client) throws Exception {
        await(client.connect());
        await(client.login("alice", ClientTestSupport.ALICE_PASSWORD));
    }

    private static ServerAddress address(FakeServer server) {
        return new ServerAddress("127.0.0.1", server.port());
    }

    private static int unusedPort() throws Exception {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }
}
