package org.confab.client.ui.tests;

import static org.confab.client.ui.tests.Ui.await;
import static org.confab.client.ui.tests.Ui.click;
import static org.confab.client.ui.tests.Ui.later;
import static org.confab.client.ui.tests.Ui.run;
import static org.confab.client.ui.tests.Ui.shell;
import static org.confab.client.ui.tests.Ui.ui;
import static org.confab.client.ui.tests.Ui.waitUntil;
import static org.confab.client.ui.tests.Ui.widget;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.confab.client.core.ClientOptions;
import org.confab.client.core.ConfabClient;
import org.confab.client.core.ServerTrust;
import org.confab.client.ui.internal.help.AboutDialog;
import org.confab.client.ui.internal.help.KeysDialog;
import org.confab.client.ui.internal.views.TrayBadge;
import org.confab.server.api.AdminActor;
import org.confab.server.api.AdminService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Tray;
import org.eclipse.swt.widgets.TrayItem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/** Help &gt; Keyboard Shortcuts, the plugins' Help items, Help &gt; About Confab, and the tray icon's count. */
class HelpUITest {
    private static final String PASSWORD = "help compass harbour";
    private static final BundleContext CONTEXT = FrameworkUtil.getBundle(HelpUITest.class).getBundleContext();

    private static String alice;
    private static String bob;
    private static int port;

    @BeforeAll
    static void logIn() throws Exception {
        port = TestServer.port(CONTEXT);
        AdminService admin = TestServer.service(CONTEXT, AdminService.class);
        alice = unique("alice");
        bob = unique("bob");
        admin.addUser(AdminActor.console(), alice, PASSWORD, "Alice Help", false);
        admin.addUser(AdminActor.console(), bob, PASSWORD, "Bob Help", false);
        Sessions.logOut();
        Sessions.logIn("127.0.0.1:" + port, alice, PASSWORD);
    }

    @AfterAll
    static void logOutAgain() {
        run(() -> Sessions.window().getActivePage().closeAllEditors(false));
        Sessions.logOut();
    }

    private static String unique(String prefix) {
        return (prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10)).toLowerCase(Locale.ROOT);
    }

    @Test
    void theHelpMenuHasTheKeysThePluginsItemsAndAboutInThatOrder() {
        List<String> items = ui(() -> helpItems().stream().map(MenuItem::getText).map(t -> t.split("\t")[0]).toList());
        int keys = items.indexOf("&Keyboard Shortcuts\u2026");
        int about = items.indexOf("&About Confab");
        assertTrue(keys >= 0 && about > keys, "Help menu: " + items);
        if (installed("org.confab.client.ui.plugins")) {
            int plugins = items.indexOf("&Plugins\u2026");
            assertTrue(plugins > keys && plugins < about, "Plugins… between the keys and About: " + items);
        }
        long helpMenus = ui(() -> Arrays.stream(Sessions.window().getShell().getMenuBar().getItems())
                .filter(item -> item.getText().equals("&Help")).count());
        assertEquals(1, helpMenus, "one Help menu");
    }

    @Test
    void aboutTellsTheVersionTheServerAndTheLicences() {
        Shell about = open("&About Confab", AboutDialog.SHELL_ID);
        try {
            String version = ui(() -> widget(about, Label.class, "about.version").getText());
            assertTrue(version.matches("Confab \\d+\\.\\d+\\.\\d+"), version);
            String server = ui(() -> widget(about, Label.class, "about.server").getText());
            assertTrue(server.startsWith("127.0.0.1:" + port + " as " + alice), server);
            List<String[]> rows = rows(about, "about.licences");
            assertTrue(ui(() -> widget(about, Label.class, "about.own").getText()).matches("\\d+ of Confab's own .*"),
                    "Confab's own bundles counted");
            assertTrue(rows.stream().noneMatch(row -> row[0].startsWith("org.confab.")), "only third parties listed");
            assertTrue(rows.stream().anyMatch(row -> row[0].equals("com.fasterxml.jackson.core.jackson-databind")
                    && row[2].toLowerCase(Locale.ROOT).contains("apache")), "Jackson's Apache licence listed");
            run(() -> Ui.screenshot(about, "client-about"));
        } finally {
            close(about);
        }
    }

    @Test
    void theKeysPageListsBindingsPluginsBindingsAndTheComposersKeys() {
        Shell keys = open("&Keyboard Shortcuts\u2026", KeysDialog.SHELL_ID);
        try {
            List<String[]> rows = rows(keys, "keys.table");
            assertTrue(rows.stream().anyMatch(row -> row[0].equals("Enter") && row[1].equals("Send the message")),
                    "the composer's Enter");
            if (installed("org.confab.screenshot.ui")) {
                assertTrue(rows.stream().anyMatch(row -> row[1].equals("Share Screenshot") && row[0].endsWith("S")),
                        "the screenshot plugin's binding: " + rows.stream().map(r -> r[0] + " " + r[1]).toList());
            }
        } finally {
            close(keys);
        }
    }

    @Test
    void theTrayShowsTheUnreadCountWhereThereIsATray() throws Exception {
        Tray tray = ui(() -> Sessions.window().getShell().getDisplay().getSystemTray());
        if (tray == null) {
            assertTrue(ui(() -> TrayBadge.install(Sessions.window().getShell(),
                    new org.confab.client.ui.internal.model.UnreadCounter()).isEmpty()), "no tray, no icon");
            return;
        }
        waitUntil("the Confab tray icon", () -> trayItem(tray).isPresent());
        assertEquals("Confab", ui(() -> trayItem(tray).orElseThrow().getToolTipText()));
        try (ConfabClient bobLibrary = new ConfabClient(ClientOptions.of("127.0.0.1", port).withTrust(ServerTrust.plain()))) {
            bobLibrary.connect().get(10, TimeUnit.SECONDS);
            bobLibrary.login(bob, PASSWORD).get(10, TimeUnit.SECONDS);
            bobLibrary.send(alice, "one").get(10, TimeUnit.SECONDS);
            bobLibrary.send(alice, "two").get(10, TimeUnit.SECONDS);
        }
        waitUntil("two unread in the tray's tooltip", () -> trayItem(tray).map(TrayItem::getToolTipText)
                .filter(TrayBadge.tooltip(2)::equals).isPresent());
        assertTrue(ui(() -> trayItem(tray).orElseThrow().getImage() != null), "the badge image");
    }

    private static Optional<TrayItem> trayItem(Tray tray) {
        return Arrays.stream(tray.getItems()).filter(item -> item.getToolTipText() != null
                && item.getToolTipText().startsWith("Confab")).findFirst();
    }

    private static boolean installed(String symbolicName) {
        return Arrays.stream(CONTEXT.getBundles()).map(Bundle::getSymbolicName).anyMatch(symbolicName::equals);
    }

    /** The Help menu's items as the menu shows them. Call on the display thread. */
    private static List<MenuItem> helpItems() {
        Menu help = Sessions.menuItem(Sessions.window().getShell().getMenuBar(), "&Help").orElseThrow().getMenu();
        help.notifyListeners(SWT.Show, new Event());
        List<MenuItem> items = List.of(help.getItems());
        help.notifyListeners(SWT.Hide, new Event());
        return items;
    }

    /** Chooses a Help item (later: the dialog it opens blocks the display thread) and awaits its shell. */
    private static Shell open(String label, String shellId) {
        later(() -> {
            Menu help = Sessions.menuItem(Sessions.window().getShell().getMenuBar(), "&Help").orElseThrow().getMenu();
            help.notifyListeners(SWT.Show, new Event());
            MenuItem item = Arrays.stream(help.getItems()).filter(i -> i.getText().split("\t")[0].equals(label))
                    .findFirst().orElseThrow(() -> new AssertionError("no Help item " + label));
            help.notifyListeners(SWT.Hide, new Event());
            click(item);
        });
        return await("the dialog " + shellId, () -> shell(shellId));
    }

    private static List<String[]> rows(Shell shell, String tableId) {
        return ui(() -> {
            Table table = widget(shell, Table.class, tableId);
            return Arrays.stream(table.getItems()).map(item -> new String[] { item.getText(0), item.getText(1), item.getText(2) })
                    .toList();
        });
    }

    private static void close(Shell shell) {
        run(() -> {
            if (!shell.isDisposed()) {
                shell.close();
            }
        });
        waitUntil("the dialog closed", shell::isDisposed);
    }
}
