package org.confab.client.ui.tests;

import static org.confab.client.ui.tests.AdminUi.AUDIT_VIEW;
import static org.confab.client.ui.tests.AdminUi.PLUGINS_VIEW;
import static org.confab.client.ui.tests.AdminUi.errorMessage;
import static org.confab.client.ui.tests.AdminUi.label;
import static org.confab.client.ui.tests.AdminUi.message;
import static org.confab.client.ui.tests.AdminUi.openAdministration;
import static org.confab.client.ui.tests.AdminUi.row;
import static org.confab.client.ui.tests.AdminUi.table;
import static org.confab.client.ui.tests.AdminUi.windowButton;
import static org.confab.client.ui.tests.Sessions.window;
import static org.confab.client.ui.tests.Ui.await;
import static org.confab.client.ui.tests.Ui.button;
import static org.confab.client.ui.tests.Ui.click;
import static org.confab.client.ui.tests.Ui.column;
import static org.confab.client.ui.tests.Ui.later;
import static org.confab.client.ui.tests.Ui.run;
import static org.confab.client.ui.tests.Ui.screenshot;
import static org.confab.client.ui.tests.Ui.selectRow;
import static org.confab.client.ui.tests.Ui.shell;
import static org.confab.client.ui.tests.Ui.texts;
import static org.confab.client.ui.tests.Ui.ui;
import static org.confab.client.ui.tests.Ui.waitUntil;
import static org.confab.client.ui.tests.Ui.widget;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.confab.protocol.messages.PluginMessages.Plugin;
import org.confab.server.api.AdminActor;
import org.confab.server.api.AdminService;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * The Admin perspective's Server Plugins view against the real server in the same framework. That
 * server has no plugin management (it needs the product's p2 profile), which the view says plainly;
 * then a stand-in handler ({@link StandInPluginAdministration}) answers the plugin requests over the
 * real socket, so installing (with the CLI's checks), updating and uninstalling are driven through the
 * view's dialogs. Screenshots for docs/ land in target/screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminPluginsUITest {
    private static final String PASSWORD = "plugin ledger walnut";
    private static final String DICE = "org.confab.examples.dice.server.feature";
    private static final String FILE_TRANSFER = "org.confab.filetransfer.server.feature";
    private static final String REPOSITORY = "/srv/confab/dice-repository";
    private static final BundleContext CONTEXT = FrameworkUtil.getBundle(AdminPluginsUITest.class).getBundleContext();

    private static StandInPluginAdministration plugins;

    @BeforeAll
    static void administratorInTheAdminPerspective() throws Exception {
        String boss = TestServer.newUsername("boss");
        TestServer.service(CONTEXT, AdminService.class).addUser(AdminActor.console(), boss, PASSWORD, "The Plugin Boss", true);
        Sessions.logOut();
        Sessions.logIn("127.0.0.1:" + TestServer.port(CONTEXT), boss, PASSWORD);
        openAdministration();
    }

    @AfterAll
    static void close() {
        if (plugins != null) {
            plugins.close();
        }
        Sessions.logOut();
    }

    @Test
    @Order(13)
    void theServerPluginsViewSaysPlainlyThatThisServerHasNoPluginManagement() {
        // the test framework's server has no org.confab.server.plugins (no p2 profile to change): the real answer
        ui(() -> window().getActivePage().showView(PLUGINS_VIEW));
        waitUntil("the server's answer in the plugins view", () -> {
            Label problem = label(PLUGINS_VIEW + ".problem");
            return problem.isVisible() && problem.getText().equals("The server does not offer this (unknown message type"
                    + " 'admin.plugins'): the part of the server that handles it is not installed there.");
        });
        assertEquals(0, (int) ui(() -> table("plugins.table").getItemCount()));
        assertFalse(ui(() -> windowButton("plugins.update").isEnabled() || windowButton("plugins.uninstall").isEnabled()),
                "nothing selected to update or uninstall");
    }

    @Test
    @Order(14)
    void installingAPluginChecksTheFormLikeTheCliAndListsItWithTheServersWarnings() throws Exception {
        plugins = new StandInPluginAdministration(CONTEXT, TestServer.service(CONTEXT, AdminService.class),
                List.of(new Plugin(FILE_TRANSFER, "0.1.0.202612040001", "Confab File Transfer (server)", "Confab", false)));
        later(() -> click(windowButton("plugins.install")));
        Shell dialog = await("the install dialog", () -> shell("plugin"));
        assertFalse(ui(() -> widget(dialog, Button.class, "plugin.ok").isEnabled()), "nothing typed yet");
        assertTrue(ui(() -> message(dialog)).startsWith("Enter the repository"), ui(() -> message(dialog)));
        run(() -> widget(dialog, Text.class, "plugin.repository").setText("plugins/dice"));
        assertTrue(ui(() -> message(dialog)).contains("an absolute path on the server"), ui(() -> message(dialog)));
        run(() -> {
            widget(dialog, Text.class, "plugin.repository").setText(REPOSITORY);
            widget(dialog, Text.class, "plugin.feature").setText("org.confab dice");
        });
        assertTrue(ui(() -> message(dialog)).startsWith("The feature id is dot-separated names"), ui(() -> message(dialog)));
        assertFalse(ui(() -> widget(dialog, Button.class, "plugin.ok").isEnabled()));
        run(() -> widget(dialog, Text.class, "plugin.feature").setText(DICE));
        assertTrue(ui(() -> widget(dialog, Button.class, "plugin.ok").isEnabled()));
        run(() -> screenshot(dialog, "admin-plugin-install"));
        run(() -> click(widget(dialog, Button.class, "plugin.ok")));
        waitUntil("the install dialog to close", dialog::isDisposed);
        assertEquals(List.of("install " + REPOSITORY + " " + DICE), plugins.requests);
        waitUntil("both plugins listed", () -> column(table("plugins.table"), 0).equals(List.of(DICE, FILE_TRANSFER)));
        assertEquals(List.of(DICE, "Confab Dice (server)", "1.0.0.202612041200", "Confab examples", "Installed"),
                ui(() -> Arrays.asList(row(table("plugins.table"), DICE))));
        assertFalse(ui(() -> label(PLUGINS_VIEW + ".problem").isVisible()), "the earlier problem is gone");
        assertTrue(ui(() -> label("plugins.summary").getText()).equals("2 plugin features installed. Installed " + DICE
                + " 1.0.0.202612041200; warning: unsigned content installed: org.confab.examples.dice.server_1.0.0.jar"),
                ui(() -> label("plugins.summary").getText()));
        run(() -> screenshot(window().getShell(), "admin-plugins"));

        later(() -> click(windowButton("plugins.install")));
        Shell again = await("the install dialog again", () -> shell("plugin"));
        run(() -> {
            widget(again, Text.class, "plugin.repository").setText(REPOSITORY);
            widget(again, Text.class, "plugin.feature").setText(DICE + ".feature.group");
            click(widget(again, Button.class, "plugin.ok"));
        });
        waitUntil("the server's refusal in the dialog",
                () -> errorMessage(again).equals("The server refused it (feature " + DICE + " is installed already)."));
        run(() -> click(widget(again, Button.class, "plugin.cancel")));
        waitUntil("the dialog closed", again::isDisposed);
    }

    @Test
    @Order(15)
    void updatingTheSelectedPluginAsksOnlyForTheRepository() {
        run(() -> selectRow(table("plugins.table"), DICE));
        later(() -> click(windowButton("plugins.update")));
        Shell dialog = await("the update dialog", () -> shell("plugin"));
        assertEquals(DICE, ui(() -> widget(dialog, Text.class, "plugin.feature").getText()));
        assertFalse(ui(() -> widget(dialog, Text.class, "plugin.feature").getEditable()), "the feature is the selected one");
        run(() -> widget(dialog, Text.class, "plugin.repository").setText("https://plugins.example.org/confab/"));
        run(() -> click(widget(dialog, Button.class, "plugin.ok")));
        waitUntil("the update dialog to close", dialog::isDisposed);
        waitUntil("the update's warning in the summary", () -> label("plugins.summary").getText()
                .endsWith("Updated " + DICE + " 1.0.0.202612041200; warning: the repository has nothing newer"));
        assertTrue(plugins.requests.contains("update https://plugins.example.org/confab/ " + DICE), plugins.requests.toString());
    }

    @Test
    @Order(16)
    void uninstallingAsksFirstAndTheServersRefusalShowsInTheView() {
        run(() -> selectRow(table("plugins.table"), DICE));
        later(() -> click(windowButton("plugins.uninstall")));
        Shell confirm = await("the uninstall confirmation", () -> shell("plugins.confirmUninstall"));
        assertTrue(ui(() -> texts(confirm)).contains("Uninstall Confab Dice (server) (" + DICE + ") 1.0.0.202612041200 from the server?"),
                ui(() -> texts(confirm)));
        run(() -> click(button(confirm, IDialogConstants.CANCEL_LABEL)));
        waitUntil("the confirmation closed", confirm::isDisposed);
        assertFalse(plugins.requests.contains("uninstall " + DICE), "cancelled: nothing sent");
        later(() -> click(windowButton("plugins.uninstall")));
        Shell again = await("the uninstall confirmation again", () -> shell("plugins.confirmUninstall"));
        run(() -> click(button(again, "U&ninstall")));
        waitUntil("the dice plugin gone", () -> column(table("plugins.table"), 0).equals(List.of(FILE_TRANSFER)));
        assertTrue(plugins.requests.contains("uninstall " + DICE));

        // removed behind the view's back (another administrator, the console): the server's answer is shown as it is
        run(() -> selectRow(table("plugins.table"), FILE_TRANSFER));
        plugins.forget(FILE_TRANSFER);
        later(() -> click(windowButton("plugins.uninstall")));
        Shell stale = await("the confirmation for the stale row", () -> shell("plugins.confirmUninstall"));
        run(() -> click(button(stale, "U&ninstall")));
        waitUntil("the server's refusal in the view", () -> {
            Label problem = label(PLUGINS_VIEW + ".problem");
            return problem.isVisible()
                    && problem.getText().equals("The server refused it (no plugin " + FILE_TRANSFER + " is installed).");
        });
        ui(() -> window().getActivePage().showView(AUDIT_VIEW));
    }
}
