package org.confab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A plugin from a p2 repository into the running server product and out again, as an administrator
 * does it with {@code ./confab cli admin ...}: the example dice plugin, built by its own build, is
 * installed from its repository; a user rolls through the client library ({@code cli request}) and
 * both users find the roll in their conversation; after the uninstall {@code x.dice.roll} is refused
 * with the usual {@code UNKNOWN_TYPE} while chat goes on. The server process is the same throughout.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PluginsAgainstServerProductTest {
    private static final String ROOT_PASSWORD = "keeper of 7 keys";
    private static final Map<String, String> ADMIN = Map.of("CONFAB_PASSWORD", ROOT_PASSWORD);
    private static final Map<String, String> ALICE = Map.of("CONFAB_PASSWORD", "rolls 20 sided dice daily");
    private static final Map<String, String> BOB = Map.of("CONFAB_PASSWORD", "bets on 7 every single time");
    private static final Pattern ROLL = Pattern.compile("\\{\"messageId\":(\\d+),\"value\":(\\d+),\"sides\":20\\}");

    private static ServerProcess server;

    @BeforeAll
    static void startServer() throws Exception {
        server = ServerProcess.start(Processes.freshDirectory("plugins-server-data"),
                Map.of("CONFAB_ADMIN_PASSWORD", ROOT_PASSWORD), "--scram-iterations", "4096");
        for (Map.Entry<String, Map<String, String>> user : Map.of("alice", ALICE, "bob", BOB).entrySet()) {
            Map<String, String> env = new HashMap<>(ADMIN);
            env.put("CONFAB_NEW_PASSWORD", user.getValue().get("CONFAB_PASSWORD"));
            succeeds(cli(env, "admin", "admin", "add-user", user.getKey()));
        }
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.terminate(10);
        }
    }

    static Processes.Result cli(Map<String, String> env, String user, String... arguments) throws Exception {
        List<String> all = new ArrayList<>(List.of("cli", "--server", server.address(), "--fingerprint", server.fingerprint,
                "--user", user, "--timeout", "60"));
        all.addAll(List.of(arguments));
        return Processes.start(env, all.toArray(String[]::new)).await(120);
    }

    static void succeeds(Processes.Result result) {
        assertEquals(0, result.exitCode(), result.toString());
    }

    static void refusedWith(String code, Processes.Result result) {
        assertEquals(1, result.exitCode(), result.toString());
        assertTrue(result.stderr().startsWith("error: " + code + ": "), result.toString());
    }

    @Test
    @Order(1)
    void onlyTheBuiltInFileTransferIsInstalledAtFirstAndUsersMayNotInstall() throws Exception {
        Processes.Result plugins = cli(ADMIN, "admin", "--json", "admin", "plugins");
        succeeds(plugins);
        assertTrue(plugins.stdout().startsWith("{\"feature\":\"org.confab.filetransfer.server.feature\",\"version\":\"0.1.0."),
                plugins.toString());
        assertTrue(plugins.stdout().strip().endsWith("\"builtIn\":true}"), plugins.toString());
        assertEquals(1, plugins.stdout().strip().lines().count(), plugins.toString());

        refusedWith("NOT_ALLOWED", cli(ALICE, "alice", "admin", "install-plugin", DiceExample.repository().toString(),
                DiceExample.SERVER_FEATURE));
        refusedWith("NOT_ALLOWED", cli(ALICE, "alice", "admin", "plugins"));
        refusedWith("UNKNOWN_TYPE", cli(ALICE, "alice", "request", "x.dice.roll", "{\"peer\":\"bob\",\"sides\":20}"));
    }

    @Test
    @Order(2)
    void anAddressThatIsNoLocalRepositoryOrWebUrlIsRefused() throws Exception {
        refusedWith("BAD_REQUEST", cli(ADMIN, "admin", "admin", "install-plugin", "ftp://example.org/repo", DiceExample.SERVER_FEATURE));
        refusedWith("NOT_FOUND", cli(ADMIN, "admin", "admin", "install-plugin", "/nonexistent/repository", DiceExample.SERVER_FEATURE));
        refusedWith("NOT_FOUND", cli(ADMIN, "admin", "admin", "install-plugin", DiceExample.repository().toString(),
                "org.example.absent.feature"));
        refusedWith("CONFLICT", cli(ADMIN, "admin", "admin", "uninstall-plugin", "org.confab.server.feature"));
        // what the shared, read-only product ships is locked by p2 in this server's profile
        refusedWith("CONFLICT", cli(ADMIN, "admin", "admin", "uninstall-plugin", "org.confab.filetransfer.server.feature"));
    }

    @Test
    @Order(3)
    void theDicePluginIsInstalledAndRollsWithoutARestart() throws Exception {
        Processes.Result installed = cli(ADMIN, "admin", "admin", "install-plugin", DiceExample.repository().toString(),
                DiceExample.SERVER_FEATURE);
        succeeds(installed);
        assertTrue(installed.stdout().startsWith("installed " + DiceExample.SERVER_FEATURE + " 1.0.0."), installed.toString());
        assertTrue(installed.stdout().contains("warning: unsigned content installed: "), installed.toString());

        Processes.Result ping = cli(ALICE, "alice", "--json", "ping");
        succeeds(ping);
        assertTrue(ping.stdout().contains("\"x.dice\":\"1.0.0\""), ping.toString());

        Processes.Result roll = cli(ALICE, "alice", "--json", "request", "x.dice.roll", "{\"peer\":\"bob\",\"sides\":20}");
        succeeds(roll);
        Matcher rolled = ROLL.matcher(roll.stdout().strip());
        assertTrue(rolled.matches(), roll.toString());
        int value = Integer.parseInt(rolled.group(2));
        assertTrue(value >= 1 && value <= 20, roll.toString());

        String stored = "\"id\":" + rolled.group(1) + ",\"from\":\"alice\",\"to\":\"bob\",\"body\":\"rolled " + value + " of 20\"";
        for (Map.Entry<String, Map<String, String>> side : List.of(Map.entry("bob", BOB), Map.entry("alice", ALICE))) {
            String peer = side.getKey().equals("bob") ? "alice" : "bob";
            Processes.Result history = cli(side.getValue(), side.getKey(), "--json", "history", peer);
            succeeds(history);
            assertTrue(history.stdout().contains(stored), history.toString());
            assertTrue(history.stdout().contains("\"kind\":\"x.dice\""), history.toString());
            assertTrue(history.stdout().contains("\"value\":" + value), history.toString());
        }
        refusedWith("BAD_REQUEST", cli(ALICE, "alice", "request", "x.dice.roll", "{\"peer\":\"bob\",\"sides\":1000}"));
        refusedWith("NO_SUCH_USER", cli(ALICE, "alice", "request", "x.dice.roll", "{\"peer\":\"nobody\"}"));
        refusedWith("CONFLICT", cli(ADMIN, "admin", "admin", "install-plugin", DiceExample.repository().toString(),
                DiceExample.SERVER_FEATURE));
    }

    @Test
    @Order(4)
    void afterTheUninstallTheTypeIsUnknownAndChatGoesOn() throws Exception {
        Processes.Result removed = cli(ADMIN, "admin", "--json", "admin", "uninstall-plugin", DiceExample.SERVER_FEATURE);
        succeeds(removed);
        assertTrue(removed.stdout().startsWith("{\"action\":\"uninstalled\",\"feature\":\"" + DiceExample.SERVER_FEATURE + "\""),
                removed.toString());

        refusedWith("UNKNOWN_TYPE", cli(ALICE, "alice", "request", "x.dice.roll", "{\"peer\":\"bob\",\"sides\":20}"));
        Processes.Result ping = cli(ALICE, "alice", "--json", "ping");
        assertFalse(ping.stdout().contains("x.dice"), ping.toString());

        succeeds(cli(ALICE, "alice", "send", "bob", "no more dice, but still talking"));
        Processes.Result history = cli(BOB, "bob", "--json", "history", "alice");
        succeeds(history);
        assertTrue(history.stdout().contains("\"body\":\"no more dice, but still talking\""), history.toString());
    }

    @Test
    @Order(5)
    void everyChangeIsInTheAuditLog() throws Exception {
        Processes.Result audit = cli(ADMIN, "admin", "--json", "admin", "audit");
        succeeds(audit);
        List<String> plugins = audit.stdout().lines().filter(line -> line.contains("\"what\":\"plugin.")).toList();
        assertEquals(2, plugins.size(), audit.toString());
        assertTrue(plugins.get(0).contains("\"what\":\"plugin.uninstall\",\"target\":\"" + DiceExample.SERVER_FEATURE + "\""),
                audit.toString());
        assertTrue(plugins.get(1).contains("\"what\":\"plugin.install\",\"target\":\"" + DiceExample.SERVER_FEATURE + "\""),
                audit.toString());
        assertTrue(plugins.get(1).contains("unsigned content installed"), audit.toString());
    }
}
