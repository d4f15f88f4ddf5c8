package org.confab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The client's Plugins page end to end: the real client product (./confab client) on the X display,
 * driven from outside with xdotool like a person at the keyboard and mouse, against the real server
 * product, which offers the dice example's repository ({@code --plugin-repository}) and runs the dice
 * server plugin. Help &gt; Plugins… shows the offer; "Add and browse…" asks, then p2's wizard installs
 * Confab Dice (client) after the unsigned-content question, and "Apply Changes Now" brings the "Roll dice"
 * action into the open conversation without a restart: pressing it stores a roll on the server.
 * Uninstall… with the plugin selected and "Apply Changes Now" take the action away again: its place in
 * the toolbar looks as before the install. Positions are those of a fresh client window on the 1600x1000 screen of
 * {@code ./confab test} with the font pinned to DejaVu Sans 10; under a bare X server the dialogs have no titles to find them by, so each step
 * waits until the pixels where its result appears have changed.
 */
class PluginsPageAgainstClientProductTest {
    private static final String ROOT_PASSWORD = "keeper of 7 keys";
    private static final Map<String, String> ADMIN = Map.of("CONFAB_PASSWORD", ROOT_PASSWORD);
    private static final String ALICE_PASSWORD = "rolls 20 sided dice daily";
    private static final String CLIENT_FEATURE = "org.confab.examples.dice.client.feature";

    private static ServerProcess server;
    private static Processes.Running client;
    private static Path home;

    @BeforeAll
    static void serverAndClient() throws Exception {
        Xdo.requireTools();
        Path repository = DiceExample.repository();
        server = ServerProcess.start(Processes.freshDirectory("plugins-page-server"), Map.of("CONFAB_ADMIN_PASSWORD", ROOT_PASSWORD),
                "--scram-iterations", "4096", "--plain", "--plugin-repository", repository.toUri().toString());
        for (String[] user : List.of(new String[] { "alice", ALICE_PASSWORD }, new String[] { "bob", "bets on 7 every single time" })) {
            Map<String, String> env = new HashMap<>(ADMIN);
            env.put("CONFAB_NEW_PASSWORD", user[1]);
            succeeds(cli(env, "admin", "admin", "add-user", user[0]));
        }
        succeeds(cli(ADMIN, "admin", "admin", "install-plugin", repository.toString(), DiceExample.SERVER_FEATURE));
        home = Processes.freshDirectory("plugins-page-client");
        // The positions below were measured with GTK's font resolved to DejaVu Sans 10. Which font "Sans"
        // resolves to depends on what is installed (.ci/run adds the Noto fonts, which are wider and change
        // every dialog's layout), so the client gets its font named in a GTK settings file of its own.
        Path gtkSettings = home.resolve("xdg-config/gtk-3.0/settings.ini");
        Files.createDirectories(gtkSettings.getParent());
        Files.writeString(gtkSettings, "[Settings]\ngtk-font-name = DejaVu Sans 10\n");
        client = Processes.start(Map.of("CONFAB_HOME", home.toString(), "XDG_CONFIG_HOME", home.resolve("xdg-config").toString()),
                "client", "--server", server.address(), "--plain");
    }

    @AfterAll
    static void stop() throws Exception {
        if (client != null) {
            client.process().toHandle().descendants().forEach(ProcessHandle::destroy);
            client.process().destroy();
        }
        if (server != null) {
            server.terminate(30);
        }
    }

    @Test
    void theDicePluginComesAndGoesThroughThePluginsPageWithoutARestart() throws Exception {
        Xdo.Region logIn = new Xdo.Region(740, 395, 90, 28);
        Xdo.awaitThat("the login dialog", logIn::hasInk);
        // the first start installed the built-in plugins before the window opened
        assertTrue(bundlesInfo().contains("org.confab.filetransfer.ui,"), bundlesInfo());
        assertTrue(bundlesInfo().contains("org.confab.screenshot.ui,"), bundlesInfo());

        // the login dialog has the server filled in and the user name focused
        Xdo.type("alice");
        Xdo.key("Tab");
        Xdo.type(ALICE_PASSWORD);
        Xdo.key("Return");
        Xdo.awaitThat("alice online", () -> online("alice"));
        Xdo.Region bob = new Xdo.Region(8, 182, 120, 20);
        Xdo.awaitThat("bob in the contacts", bob::hasInk);
        Xdo.Region conversationTitle = new Xdo.Region(290, 70, 150, 22);
        Xdo.doubleClick(47, 192);
        Xdo.awaitThat("the conversation with bob", conversationTitle::hasInk);
        // the right end of the conversation's toolbar: the screenshot camera only, until Roll dice comes
        Xdo.Region toolbar = new Xdo.Region(980, 68, 110, 24);
        byte[] withoutDice = toolbar.pixels();

        Xdo.Region offered = new Xdo.Region(200, 362, 400, 20);
        Xdo.changes("the Plugins page", offered, () -> Xdo.key("alt+h", "p"));
        Xdo.awaitThat("the server's offer shown", offered::hasInk);
        Xdo.screenshot("plugins-page");
        Xdo.Region dialogText = new Xdo.Region(275, 112, 300, 14);
        Xdo.changes("the question before adding the offered repository", dialogText, () -> Xdo.key("alt+d"));
        Xdo.Region wizardTitle = new Xdo.Region(80, 10, 300, 30);
        Xdo.changes("p2's install wizard", wizardTitle, () -> Xdo.key("Return"));
        String repository = DiceExample.repository().toUri().toString();
        Xdo.Region tree = new Xdo.Region(80, 205, 300, 20);
        Xdo.changes("the repository's categories", tree, () -> {
            Xdo.type(repository);
            Xdo.key("Return");
        });
        Xdo.Region rows = new Xdo.Region(120, 228, 300, 40);
        Xdo.changes("the Examples category open", rows, () -> Xdo.click(94, 213));
        Xdo.Region next = new Xdo.Region(665, 684, 100, 26);
        Xdo.changes("Confab Dice (client) ticked", next, () -> Xdo.click(132, 236));
        Xdo.changes("the install details", wizardTitle, () -> Xdo.click(716, 696));
        Xdo.Region trustQuestion = new Xdo.Region(125, 55, 400, 20);
        byte[] noQuestion = trustQuestion.pixels();
        Xdo.clickUntil("p2's question about unsigned content", 948, 696, () -> !Arrays.equals(trustQuestion.pixels(), noQuestion)); // Finish
        Xdo.Region trustSelected = new Xdo.Region(860, 333, 100, 26);
        Xdo.Region trustCancel = new Xdo.Region(745, 333, 100, 26);
        Xdo.awaitThat("the question's buttons drawn", trustCancel::hasInk);
        byte[] nothingTrusted = trustSelected.pixels();
        Xdo.clickUntil("all unsigned content selected", 795, 192, () -> !Arrays.equals(trustSelected.pixels(), nothingTrusted));
        Xdo.Region restart = new Xdo.Region(275, 192, 400, 30);
        byte[] beforeRestart = restart.pixels();
        Xdo.clickUntil("the offer to apply the change now", 911, 346, () -> !Arrays.equals(restart.pixels(), beforeRestart));
        Xdo.clickUntil("Roll dice in the open conversation", 596, 278, () -> !Arrays.equals(toolbar.pixels(), withoutDice));
        assertTrue(bundlesInfo().contains("org.confab.examples.dice.ui,"), bundlesInfo());
        Xdo.screenshot("dice-installed");
        Xdo.changes("the Plugins page closed", offered, () -> Xdo.key("Escape"));

        Xdo.clickUntil("a roll stored on the server", 1045, 80, () -> history().contains("\"kind\":\"x.dice\"")); // Roll dice

        Xdo.changes("the Plugins page again", offered, () -> Xdo.key("alt+h", "p"));
        Xdo.Region firstRow = new Xdo.Region(200, 138, 400, 16);
        byte[] unselected = firstRow.pixels();
        // the first row is the dice plugin (rows are sorted by feature id)
        Xdo.clickUntil("the dice plugin selected", 305, 146, () -> !Arrays.equals(firstRow.pixels(), unselected));
        Xdo.changes("p2's uninstall wizard", wizardTitle, () -> Xdo.key("alt+u"));
        byte[] wizardShown = restart.pixels();
        // Finish of the (smaller) uninstall wizard
        Xdo.clickUntil("the offer to apply the removal now", 783, 475, () -> !Arrays.equals(restart.pixels(), wizardShown));
        Xdo.clickUntil("Roll dice gone from the open conversation", 596, 278, () -> Arrays.equals(toolbar.pixels(), withoutDice));
        assertFalse(bundlesInfo().contains("org.confab.examples.dice.ui,"), bundlesInfo());
        Xdo.screenshot("dice-removed");
        Xdo.key("Escape");
    }

    private static String bundlesInfo() {
        try {
            Path info = home.resolve("clients/default/osgi/org.eclipse.equinox.simpleconfigurator/bundles.info");
            return Files.isRegularFile(info) ? Files.readString(info) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean online(String user) {
        try {
            return cli(ADMIN, "admin", "admin", "online").stdout().contains(user);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String history() {
        try {
            return cli(Map.of("CONFAB_PASSWORD", ALICE_PASSWORD), "alice", "--json", "history", "bob").stdout();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static Processes.Result cli(Map<String, String> env, String user, String... arguments) throws Exception {
        List<String> all = new ArrayList<>(List.of("cli", "--server", server.address(), "--plain", "--user", user, "--timeout", "60"));
        all.addAll(List.of(arguments));
        return Processes.start(env, all.toArray(String[]::new)).await(120);
    }

    static void succeeds(Processes.Result result) {
        assertEquals(0, result.exitCode(), result.toString());
    }
}
