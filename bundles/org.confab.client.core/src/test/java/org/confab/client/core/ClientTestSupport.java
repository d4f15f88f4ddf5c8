package org.confab.client.core;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Starts a {@link FakeServer} with users alice and bob and a client with short timeouts for each test. */
abstract class ClientTestSupport {
    static final String ALICE_PASSWORD = "correct horse battery staple";

    FakeServer server;
    ConfabClient client;
    RecordingListener events;

    @BeforeEach
    void startServerAndClient() throws Exception {
        server = new FakeServer();
        server.addUser("alice", ALICE_PASSWORD);
        server.addUser("bob", "bob's password");
        configureServer();
        client = new ConfabClient(options());
        events = new RecordingListener();
        client.addListener(events);
    }

    /** Hook to change the server before the client exists. */
    void configureServer() {
    }

    ClientOptions options() {
        // the fake server speaks plain TCP; TLS is tested against the real server in org.confab.server.tests
        return ClientOptions.of("127.0.0.1", server.port()).withClientName("confab-test/1").withTrust(ServerTrust.plain())
                .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(700))
                .withReconnectDelays(Duration.ofMillis(20), Duration.ofMillis(100));
    }

    @AfterEach
    void stopServerAndClient() throws Exception {
        client.close();
        server.close();
    }

    void connectAndLogin() throws Exception {
        await(client.connect());
        await(client.login("alice", ALICE_PASSWORD));
    }

    static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(FakeServer.WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** The cause a future failed with. */
    static Throwable failure(CompletableFuture<?> future) {
        return assertThrows(ExecutionException.class, () -> future.get(FakeServer.WAIT_SECONDS, TimeUnit.SECONDS))
                .getCause();
    }
}
