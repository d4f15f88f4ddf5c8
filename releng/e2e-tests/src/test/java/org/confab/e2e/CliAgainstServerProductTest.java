package org.confab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The README's story, against the real server product on the embedded database: register two users
 * with the CLI, message one while offline, receive it once at login, read and search the history,
 * see the CLI trust the server only when told to, watch a silent connection get dropped, stop the
 * server with SIGTERM. Every connection is TLS, trusted by the fingerprint the server logs.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CliAgainstServerProductTest {
    private static final Map<String, String> ALICE = Map.of("CONFAB_PASSWORD", "rabbit hole 1865");
    private static final Map<String, String> BOB = Map.of("CONFAB_PASSWORD", "builder of things 22");

    private static ServerProcess server;

    @BeforeAll
    static void startServer() throws Exception {
        Path data = Processes.WORK.resolve("server-data");
        if (Files.exists(data)) {
            try (var paths = Files.walk(data)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        server = ServerProcess.start(data, Map.of("CONFAB_ADMIN_PASSWORD", "keeper of the e2e keys"), "--idle-timeout", "5");
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private static Processes.Result cli(Map<String, String> env, String user, String... arguments) throws Exception {
        String[] all = new String[arguments.length + 7];
        all[0] = "cli";
        all[1] = "--server";
        all[2] = server.address();
        all[3] = "--user";
        all[4] = user;
        all[5] = "--fingerprint";
        all[6] = server.fingerprint;
        System.arraycopy(arguments, 0, all, 7, arguments.length);
        return Processes.run(env, all);
    }

    @Test
    @Order(1)
    void registersTwoUsers() throws Exception {
        Processes.Result alice = cli(ALICE, "alice", "register", "--display-name", "Alice Liddell");
        assertEquals(0, alice.exitCode(), alice.toString());
        Processes.Result bob = cli(BOB, "bob", "register");
        assertEquals(0, bob.exitCode(), bob.toString());
        Processes.Result again = cli(BOB, "Bob", "register");
        assertNotEquals(0, again.exitCode(), "the name is taken, whatever its case");
        assertTrue(again.stderr().toLowerCase().contains("taken"), again.toString());
    }

    @Test
    @Order(2)
    void offlineMessageIsDeliveredOnceAtLogin() throws Exception {
        Processes.Result sent = cli(ALICE, "alice", "--json", "send", "bob", "see you at the standup");
        assertEquals(0, sent.exitCode(), sent.toString());
        assertTrue(sent.stdout().contains("\"id\""), sent.toString());

        Processes.Result inbox = cli(BOB, "bob", "--json", "inbox", "--wait", "2");
        assertEquals(0, inbox.exitCode(), inbox.toString());
        assertEquals(1, count(inbox.stdout(), "see you at the standup"), inbox.toString());
        assertTrue(inbox.stdout().contains("\"from\":\"alice\""), inbox.toString());

        Processes.Result again = cli(BOB, "bob", "--json", "inbox", "--wait", "1");
        assertEquals(0, again.exitCode(), again.toString());
        assertEquals(0, count(again.stdout(), "see you at the standup"), "delivered once: " + again);
    }

    @Test
    @Order(3)
    void historyAndSearch() throws Exception {
        cli(BOB, "bob", "send", "alice", "the budget is approved");
        Processes.Result history = cli(ALICE, "alice", "--json", "history", "bob", "--limit", "10");
        assertEquals(0, history.exitCode(), history.toString());
        assertEquals(2, history.stdout().strip().lines().count(), history.toString());
        Processes.Result search = cli(ALICE, "alice", "--json", "history", "bob", "--search", "BUDGET");
        assertEquals(0, search.exitCode(), search.toString());
        assertEquals(1, count(search.stdout(), "budget is approved"), search.toString());
        assertFalse(search.stdout().contains("standup"), search.toString());
    }

    @Test
    @Order(4)
    void onlineListAndClearErrors() throws Exception {
        Processes.Result online = cli(ALICE, "alice", "--json", "online");
        assertEquals(0, online.exitCode(), online.toString());
        assertTrue(online.stdout().contains("\"username\":\"bob\""), online.toString());

        Processes.Result wrong = cli(Map.of("CONFAB_PASSWORD", "not the right password"), "alice", "online");
        assertNotEquals(0, wrong.exitCode());
        assertEquals(1, wrong.stderr().strip().lines().count(), "one clear line: " + wrong);

        Processes.Result unknownPeer = cli(ALICE, "alice", "send", "nobody-here", "hello?");
        assertNotEquals(0, unknownPeer.exitCode());
        assertTrue(unknownPeer.stderr().contains("nobody-here"), unknownPeer.toString());

        Processes.Result unreachable = Processes.run(ALICE, "cli", "--server", "127.0.0.1:1", "--user", "alice", "online");
        assertNotEquals(0, unreachable.exitCode());
        assertFalse(unreachable.stderr().isBlank(), unreachable.toString());
    }

    @Test
    @Order(4)
    void anyRequestGoesThroughTheGenericDoorAndPingReportsTheServer() throws Exception {
        Processes.Result presence = cli(ALICE, "alice", "--json", "request", "presence.list", "{}");
        assertEquals(0, presence.exitCode(), presence.toString());
        assertTrue(presence.stdout().strip().startsWith("{\"users\":[") && presence.stdout().strip().lines().count() == 1,
                presence.toString());

        Processes.Result unknown = cli(ALICE, "alice", "request", "x.nobody.home", "{\"a\":1}");
        assertEquals(1, unknown.exitCode(), unknown.toString());
        assertTrue(unknown.stderr().startsWith("error: UNKNOWN_TYPE: "), unknown.toString());

        Processes.Result refused = cli(ALICE, "alice", "request", "auth.logout");
        assertEquals(2, refused.exitCode(), refused.toString());

        Processes.Result ping = cli(Map.of(), "nobody", "--json", "ping");
        assertEquals(0, ping.exitCode(), ping.toString());
        assertTrue(ping.stdout().contains("\"protocolVersion\":2") && ping.stdout().contains("\"capabilities\":{"),
                ping.toString());
    }

    @Test
    @Order(4)
    void aUserChangesTheirOwnPasswordWithPasswd() throws Exception {
        Map<String, String> carol = Map.of("CONFAB_PASSWORD", "a first secret 1");
        assertEquals(0, cli(carol, "carol", "register").exitCode());
        Path newPasswordFile = Processes.WORK.resolve("carol-new-password");
        Files.writeString(newPasswordFile, "a second secret 2\n");

        Processes.Result wrongCurrent = cli(Map.of("CONFAB_PASSWORD", "not carol's password",
                "CONFAB_NEW_PASSWORD", "a third secret 3"), "carol", "passwd");
        assertEquals(1, wrongCurrent.exitCode(), wrongCurrent.toString());
        Processes.Result weak = cli(Map.of("CONFAB_PASSWORD", "a first secret 1", "CONFAB_NEW_PASSWORD",
                "carol1234"), "carol", "passwd");
        assertEquals(1, weak.exitCode(), "a new password containing the username is refused: " + weak);
        assertTrue(weak.stderr().contains("username"), weak.toString());
        Processes.Result noNew = cli(carol, "carol", "passwd");
        assertEquals(2, noNew.exitCode(), "no new password given is a usage error: " + noNew);

        Processes.Result changed = cli(carol, "carol", "passwd", "--new-password-file", newPasswordFile.toString());
        assertEquals(0, changed.exitCode(), changed.toString());
        assertTrue(changed.stdout().contains("password changed for carol"), changed.toString());

        Processes.Result oldOne = cli(carol, "carol", "online");
        assertEquals(1, oldOne.exitCode(), "the old password no longer logs in: " + oldOne);
        Map<String, String> second = Map.of("CONFAB_PASSWORD", "a second secret 2");
        Processes.Result newOne = cli(second, "carol", "online");
        assertEquals(0, newOne.exitCode(), "the new password logs in: " + newOne);

        Processes.Result viaEnvironment = cli(Map.of("CONFAB_PASSWORD", "a second secret 2",
                "CONFAB_NEW_PASSWORD", "a third secret 3"), "carol", "--json", "passwd");
        assertEquals(0, viaEnvironment.exitCode(), viaEnvironment.toString());
        assertTrue(viaEnvironment.stdout().contains("\"passwordChanged\":true"), viaEnvironment.toString());
        assertEquals(0, cli(Map.of("CONFAB_PASSWORD", "a third secret 3"), "carol", "online").exitCode());
    }

    @Test
    @Order(5)
    void theCliTrustsAServerOnlyWhenToldAndRefusesAChangedCertificateLoudly() throws Exception {
        Path known = Processes.WORK.resolve("known_servers");
        Files.deleteIfExists(known);
        String[] online = { "cli", "--server", server.address(), "--user", "alice", "--known-servers", known.toString(), "online" };

        Processes.Result unknown = Processes.run(ALICE, online);
        assertEquals(4, unknown.exitCode(), unknown.toString());
        assertEquals(1, unknown.stderr().strip().lines().count(), "one line: " + unknown);
        assertTrue(unknown.stderr().contains(server.fingerprint) && unknown.stderr().contains("--trust-new"), unknown.toString());

        String[] trustNew = java.util.Arrays.copyOf(online, online.length + 1);
        trustNew[online.length] = "--trust-new";
        assertEquals(0, Processes.run(ALICE, trustNew).exitCode());
        assertTrue(Files.readString(known).contains(server.address() + " " + server.fingerprint));
        assertEquals(0, Processes.run(ALICE, online).exitCode(), "remembered");

        Files.writeString(known, server.address() + " SHA256:" + "A".repeat(43) + "\n");
        Processes.Result changed = Processes.run(ALICE, trustNew);
        assertEquals(4, changed.exitCode(), changed.toString());
        assertTrue(changed.stderr().contains("CHANGED"), changed.toString());

        Processes.Result plain = Processes.run(ALICE, "cli", "--server", server.address(), "--user", "alice", "--plain", "online");
        assertNotEquals(0, plain.exitCode(), "a plain client cannot talk to the TLS server: " + plain);
    }

    @Test
    @Order(6)
    void silentConnectionIsDroppedAfterTheIdleTimeout() throws Exception {
        try (Socket socket = tlsSocket()) {
            byte[] hello = "{\"type\":\"hello\",\"rid\":1,\"version\":1,\"client\":\"e2e\"}".getBytes(StandardCharsets.UTF_8);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeInt(hello.length);
            out.write(hello);
            out.flush();
            socket.setSoTimeout(20_000);
            long start = System.nanoTime();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[4096];
            StringBuilder received = new StringBuilder();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                received.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            assertTrue(seconds >= 4 && seconds <= 12, "dropped after " + seconds + " s with a 5 s idle timeout");
            assertTrue(received.toString().contains("IDLE_TIMEOUT"), received.toString());
        }
        server.awaitLog("timeout", 10); // the timeout is logged
    }

    @Test
    @Order(7)
    void sigtermStopsTheServerCleanly() throws Exception {
        long start = System.nanoTime();
        assertEquals(0, server.terminate(5));
        assertTrue(System.nanoTime() - start < 5_000_000_000L);
        assertTrue(server.log().contains("Confab server stopped"), server.log());
    }

    /** A TLS connection to the server, trusting its certificate by the fingerprint it logged. */
    private static Socket tlsSocket() throws Exception {
        return Tls.connect("127.0.0.1", server.port, server.fingerprint);
    }

    private static int count(String text, String needle) {
        int count = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            count++;
        }
        return count;
    }
}
