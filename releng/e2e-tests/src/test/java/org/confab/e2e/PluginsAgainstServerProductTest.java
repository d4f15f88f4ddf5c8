package org.confab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
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
 * does it with {@code ./confab cli admin ...}. First the built-in file transfer, which the first start
 * installed from the product's own repository: removed, its {@code file.*} requests are
 * {@code UNKNOWN_TYPE} while chat, offline delivery and administration go on; it stays removed over a
 * restart and is installed again from the product's repository. Then the example dice plugin, built
 * by its own build, is installed from its repository; a user rolls through the client library
 * ({@code cli request}) and both users find the roll in their conversation; after the uninstall
 * {@code x.dice.roll} is refused with the usual {@code UNKNOWN_TYPE} while chat goes on. No change
 * needs a restart; the one restart only shows that a removal lasts.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PluginsAgainstServerProductTest {
    private static final String ROOT_PASSWORD = "keeper of 7 keys";
    private static final Map<String, String> ADMIN = Map.of("CONFAB_PASSWORD", ROOT_PASSWORD);
    private static final Map<String, String> ALICE = Map.of("CONFAB_PASSWORD", "rolls 20 sided dice daily");
    private static final Map<String, String> BOB = Map.of("CONFAB_PASSWORD", "bets on 7 every single time");
    private static final Pattern ROLL = Pattern.compile("\\{\"messageId\":(\\d+),\"value\":(\\d+),\"sides\":20\\}");

    private static final String FILE_TRANSFER = "org.confab.filetransfer.server.feature";
    private static final Path PRODUCT_REPOSITORY = Processes.ROOT
            .resolve("server-product/target/products/org.confab.server/linux/gtk/x86_64/confab-server/repository").toAbsolutePath();

    private static final String OFFERED = "https://plugins.example.org/confab/";

    private static Path data;
    private static ServerProcess server;

    @BeforeAll
    static void startServer() throws Exception {
        data = Processes.freshDirectory("plugins-server-data");
        server = start();
        for (Map.Entry<String, Map<String, String>> user : Map.of("alice", ALICE, "bob", BOB).entrySet()) {
            Map<String, String> env = new HashMap<>(ADMIN);
            env.put("CONFAB_NEW_PASSWORD", user.getValue().get("CONFAB_PASSWORD"));
            succeeds(cli(env, "admin", "admin", "add-user", user.getKey()));
        }
    }

    private static ServerProcess start() throws Exception {
        return ServerProcess.start(data, Map.of("CONFAB_ADMIN_PASSWORD", ROOT_PASSWORD), "--scram-iterations", "4096",
                "--plugin-repository", OFFERED);
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
    void theFirstStartInstalledTheBuiltInFileTransferAsAPluginAndUsersMayNotInstall() throws Exception {
        Processes.Result plugins = cli(ADMIN, "admin", "--json", "admin", "plugins");
        succeeds(plugins);
        assertTrue(plugins.stdout().startsWith("{\"feature\":\"" + FILE_TRANSFER + "\",\"version\":\"0.1.0."), plugins.toString());
        // a plugin like any other: not locked into the product
        assertTrue(plugins.stdout().strip().endsWith("\"builtIn\":false}"), plugins.toString());
        assertEquals(1, plugins.stdout().strip().lines().count(), plugins.toString());
        succeeds(cli(ALICE, "alice", "request", "file.offers", "{}"));

        Processes.Result audit = cli(ADMIN, "admin", "--json", "admin", "audit");
        succeeds(audit);
        assertTrue(audit.stdout().lines().anyMatch(line -> line.contains("\"what\":\"plugin.install\",\"target\":\"" + FILE_TRANSFER + "\"")
                && line.contains("installed at the first start")), audit.toString());

        refusedWith("NOT_ALLOWED", cli(ALICE, "alice", "admin", "install-plugin", DiceExample.repository().toString(),
                DiceExample.SERVER_FEATURE));
        refusedWith("NOT_ALLOWED", cli(ALICE, "alice", "admin", "plugins"));
        refusedWith("UNKNOWN_TYPE", cli(ALICE, "alice", "request", "x.dice.roll", "{\"peer\":\"bob\",\"sides\":20}"));
    }

    @Test
    @Order(1)
    void everyUserLearnsTheRepositoryTheOperatorOffersForClientPlugins() throws Exception {
        Processes.Result offered = cli(ALICE, "alice", "--json", "request", "plugin.repository");
        succeeds(offered);
        assertEquals("{\"repository\":\"" + OFFERED + "\"}", offered.stdout().strip(), offered.toString());
    }

    @Test
    @Order(2)
    void anAddressThatIsNoLocalRepositoryOrWebUrlIsRefused() throws Exception {
        refusedWith("BAD_REQUEST", cli(ADMIN, "admin", "admin", "install-plugin", "ftp://example.org/repo", DiceExample.SERVER_FEATURE));
        refusedWith("NOT_FOUND", cli(ADMIN, "admin", "admin", "install-plugin", "/nonexistent/repository", DiceExample.SERVER_FEATURE));
        refusedWith("NOT_FOUND", cli(ADMIN, "admin", "admin", "install-plugin", DiceExample.repository().toString(),
                "org.example.absent.feature"));
        // the core is part of the shared, read-only product, which p2 locks in this server's profile
        refusedWith("CONFLICT", cli(ADMIN, "admin", "admin", "uninstall-plugin", "org.confab.server.feature"));
    }

    @Test
    @Order(3)
    void withoutFileTransferItsRequestsAreUnknownWhileChatOfflineDeliveryAndAdministrationGoOn() throws Exception {
        Processes.Result removed = cli(ADMIN, "admin", "--json", "admin", "uninstall-plugin", FILE_TRANSFER);
        succeeds(removed);
        assertTrue(removed.stdout().startsWith("{\"action\":\"uninstalled\",\"feature\":\"" + FILE_TRANSFER + "\""), removed.toString());

        for (String type : List.of("file.offers", "file.sent", "file.accept", "file.decline", "file.downloaded")) {
            refusedWith("UNKNOWN_TYPE", cli(ALICE, "alice", "request", type, "{}"));
        }
        Processes.Result ping = cli(ALICE, "alice", "--json", "ping");
        succeeds(ping);
        assertFalse(ping.stdout().contains("\"file\":"), ping.toString());

        // bob is offline (every cli command is a session of its own): the message waits for his login
        succeeds(cli(ALICE, "alice", "send", "bob", "no files today, but words still travel"));
        Processes.Result received = cli(BOB, "bob", "receive", "--wait", "20", "--count", "1");
        succeeds(received);
        assertTrue(received.stdout().contains("no files today, but words still travel"), received.toString());

        Processes.Result plugins = cli(ADMIN, "admin", "admin", "plugins");
        succeeds(plugins);
        assertTrue(plugins.stdout().startsWith("0 plugins") || plugins.stdout().startsWith("no plugins"), plugins.toString());
        succeeds(cli(ADMIN, "admin", "admin", "status"));
    }

    @Test
    @Order(4)
    void theRemovalLastsOverARestartAndTheProductRepositoryInstallsItAgain() throws Exception {
        assertEquals(0, server.terminate(30));
        server = start();
        refusedWith("UNKNOWN_TYPE", cli(ALICE, "alice", "request", "file.offers", "{}"));

        Processes.Result installed = cli(ADMIN, "admin", "admin", "install-plugin", PRODUCT_REPOSITORY.toString(), FILE_TRANSFER);
        succeeds(installed);
        assertTrue(installed.stdout().startsWith("installed " + FILE_TRANSFER + " 0.1.0."), installed.toString());

        Path file = Files.writeString(data.resolveSibling("plugins-notes.txt"), "the file transfer plugin is back");
        Processes.Result sent = cli(ALICE, "alice", "send-file", "bob", file.toString());
        succeeds(sent);
        Processes.Result offered = cli(BOB, "bob", "files");
        succeeds(offered);
        assertTrue(offered.stdout().contains("plugins-notes.txt"), offered.toString());
    }

    @Test
    @Order(5)
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
    @Order(6)
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
    @Order(7)
    void everyChangeIsInTheAuditLog() throws Exception {
        Processes.Result audit = cli(ADMIN, "admin", "--json", "admin", "audit");
        succeeds(audit);
        List<String> plugins = audit.stdout().lines().filter(line -> line.contains("\"what\":\"plugin.")).toList();
        // newest first
        List<String> expected = List.of("plugin.uninstall\",\"target\":\"" + DiceExample.SERVER_FEATURE,
                "plugin.install\",\"target\":\"" + DiceExample.SERVER_FEATURE, "plugin.install\",\"target\":\"" + FILE_TRANSFER,
                "plugin.uninstall\",\"target\":\"" + FILE_TRANSFER, "plugin.install\",\"target\":\"" + FILE_TRANSFER);
        assertEquals(expected.size(), plugins.size(), audit.toString());
        for (int i = 0; i < expected.size(); i++) {
            assertTrue(plugins.get(i).contains("\"what\":\"" + expected.get(i) + "\""), i + ": " + audit);
        }
        assertTrue(plugins.get(1).contains("unsigned content installed"), audit.toString());
        assertTrue(plugins.get(4).contains("installed at the first start"), audit.toString());
    }
}
