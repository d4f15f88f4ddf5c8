package org.confab.client.ui.tests;

import static org.confab.client.ui.tests.Ui.await;
import static org.confab.client.ui.tests.Ui.click;
import static org.confab.client.ui.tests.Ui.run;
import static org.confab.client.ui.tests.Ui.shell;
import static org.confab.client.ui.tests.Ui.ui;
import static org.confab.client.ui.tests.Ui.waitUntil;
import static org.confab.client.ui.tests.Ui.widget;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.confab.client.core.ClientOptions;
import org.confab.client.core.ConfabClient;
import org.confab.client.core.KnownServers;
import org.confab.client.core.ServerTrust;
import org.confab.client.ui.internal.dialogs.LoginDialog;
import org.confab.client.ui.internal.dialogs.ServerIdentityDialog;
import org.confab.client.ui.internal.model.FingerprintText;
import org.confab.protocol.Fingerprint;
import org.confab.server.api.ServerEndpoint;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The login dialog's "Servers on this network", against the real server in the same framework (TLS
 * execution) announcing itself on loopback through its real announcer bundle: the dialog lists it with
 * name, address and fingerprint, picking it fills the server field and shows the announced fingerprint as
 * something to check, and logging in still asks whether to trust the certificate.
 */
class LanLoginUITest {
    private static final String PASSWORD = "correct horse battery";
    private static final String PID = "org.confab.server.discovery";
    private static final BundleContext CONTEXT = FrameworkUtil.getBundle(LanLoginUITest.class).getBundleContext();

    private static String name;
    private static int port;
    private static Fingerprint fingerprint;
    private static String user;
    private static Configuration announcement;

    @BeforeAll
    static void serverAnnouncedOnLoopback() throws Exception {
        ServiceTracker<ServerEndpoint, ServerEndpoint> endpoints = new ServiceTracker<>(CONTEXT, ServerEndpoint.class, null);
        endpoints.open();
        ServerEndpoint endpoint = endpoints.waitForService(60_000);
        port = endpoint.address().getPort();
        // the pom runs this class in the TLS execution only; under -Dtest it also meets the plain one
        Assumptions.assumeTrue(endpoint.tlsFingerprint().isPresent(), "runs against the server with TLS");
        fingerprint = endpoint.tlsFingerprint().get();
        user = "lan" + UUID.randomUUID().toString().substring(0, 8);
        try (ConfabClient registrar = new ConfabClient(
                ClientOptions.of("127.0.0.1", port).withTrust(ServerTrust.pinned(fingerprint)))) {
            registrar.connect().get(10, TimeUnit.SECONDS);
            registrar.register(user, PASSWORD, "Lan User").get(10, TimeUnit.SECONDS);
        }
        name = "Office " + UUID.randomUUID().toString().substring(0, 6);
        ServiceTracker<ConfigurationAdmin, ConfigurationAdmin> admin = new ServiceTracker<>(CONTEXT, ConfigurationAdmin.class, null);
        admin.open();
        announcement = admin.waitForService(10_000).getConfiguration(PID, null);
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("name", name);
        properties.put("interfaces", new String[] { "127.0.0.1" });
        announcement.update(properties);
        Bundle announcer = Arrays.stream(CONTEXT.getBundles())
                .filter(bundle -> bundle.getSymbolicName().equals("org.confab.server.discovery")).findFirst()
                .orElseThrow(() -> new AssertionError("org.confab.server.discovery is not installed"));
        announcer.start();
    }

    @AfterAll
    static void stopAnnouncing() throws Exception {
        if (announcement != null) {
            announcement.delete();
        }
    }

    @Test
    void theDialogListsTheAnnouncedServerAndPickingItFillsTheFieldsButTrustIsStillAsked() {
        Sessions.logOut();
        Shell login = await("the login dialog", () -> shell(LoginDialog.SHELL_ID));
        Table servers = ui(() -> widget(login, Table.class, "login.lan.servers"));
        String original = ui(() -> widget(login, Text.class, "login.server").getText());
        awaitListed(login, servers);
        int row = ui(() -> Ui.column(servers, 0).indexOf(name));
        assertEquals("127.0.0.1:" + port, ui(() -> servers.getItem(row).getText(1)));
        assertEquals(fingerprint.toString(), ui(() -> servers.getItem(row).getText(2)));

        run(() -> Ui.clickRow(servers, name));
        assertEquals("127.0.0.1:" + port, ui(() -> widget(login, Text.class, "login.server").getText()));
        String note = ui(() -> widget(login, Label.class, "login.lan.fingerprint").getText());
        assertTrue(note.contains(fingerprint.toString()) && note.contains("check it"), note);
        TrustUITest.screenshot(login, "client-login-lan.png");

        // the announced fingerprint is not trusted by itself: the first login still asks
        KnownServers known = KnownServers.at(Path.of(CONTEXT.getProperty("confab.client.knownServers")));
        String server = "127.0.0.1:" + port;
        known.forget(server);
        run(() -> {
            widget(login, Text.class, "login.username").setText(user);
            widget(login, Text.class, "login.password").setText(PASSWORD);
            click(widget(login, Button.class, "login.ok"));
        });
        Shell question = await("the new-server question", () -> shell(ServerIdentityDialog.NEW_SERVER_SHELL_ID));
        assertEquals(FingerprintText.of(fingerprint), ui(() -> widget(question, Text.class, "trust.presented").getText()));
        run(() -> click(widget(question, Button.class, "trust.refuse")));
        waitUntil("the question closed", question::isDisposed);
        assertEquals(Optional.empty(), known.lookup(server), "nothing remembered after Cancel");
        run(() -> widget(login, Text.class, "login.server").setText(original));
    }

    /** The dialog searched when it opened, maybe before the announcement: searches until it is heard. */
    private static void awaitListed(Shell login, Table servers) {
        waitUntil("'" + name + "' listed", () -> {
            if (Ui.column(servers, 0).contains(name)) {
                return true;
            }
            Button again = widget(login, Button.class, "login.lan.refresh");
            if (again.isEnabled()) {
                click(again);
            }
            return false;
        });
    }

    /**
     * Found by hand in the real client: a list of servers typed in the Server field, Enter pressed in the
     * password field. While the dialog logs in it disables its fields, the keyboard focus moves on to
     * the server list, GTK selects its first row, and that selection replaced the typed list with the
     * first server on the network, so "Trust and Connect" then logged in there. Only a row the user
     * clicks or moves to may fill the field.
     */
    @Test
    void enterWithTypedServersKeepsThemWhileTheListTakesTheFocus() throws Exception {
        Sessions.logOut();
        Shell login = await("the login dialog", () -> shell(LoginDialog.SHELL_ID));
        Table servers = ui(() -> widget(login, Table.class, "login.lan.servers"));
        awaitListed(login, servers);
        // a new search fills the list anew, with no row ever selected, as a dialog that just opened has it
        Button again = ui(() -> widget(login, Button.class, "login.lan.refresh"));
        run(() -> click(again));
        waitUntil("the new search's list", () -> again.isEnabled() && Ui.column(servers, 0).contains(name));
        Text server = ui(() -> widget(login, Text.class, "login.server"));
        String original = ui(server::getText);
        KnownServers known = KnownServers.at(Path.of(CONTEXT.getProperty("confab.client.knownServers")));
        known.forget("127.0.0.1:" + port);
        // the first node refuses (nothing listens there), the second asks to be trusted
        String typed = "127.0.0.1:1,127.0.0.1:" + port;
        run(() -> {
            servers.deselectAll();
            server.setText(typed);
            widget(login, Text.class, "login.username").setText(user);
            Text password = widget(login, Text.class, "login.password");
            password.setText(PASSWORD);
            login.forceActive(); // keys go to the window with the X input focus
            password.setFocus();
        });
        Ui.press(SWT.CR, '\r');
        Shell question = await("the new-server question", () -> shell(ServerIdentityDialog.NEW_SERVER_SHELL_ID));
        assertEquals(typed, ui(server::getText), "row " + ui(servers::getSelectionIndex) + " of the list selected");
        run(() -> click(widget(question, Button.class, "trust.refuse")));
        waitUntil("the question closed", question::isDisposed);
        run(() -> server.setText(original));
    }
}
