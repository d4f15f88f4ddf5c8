package org.confab.client.ui.tests;

import static org.confab.client.ui.tests.Ui.await;
import static org.confab.client.ui.tests.Ui.click;
import static org.confab.client.ui.tests.Ui.later;
import static org.confab.client.ui.tests.Ui.press;
import static org.confab.client.ui.tests.Ui.run;
import static org.confab.client.ui.tests.Ui.shell;
import static org.confab.client.ui.tests.Ui.ui;
import static org.confab.client.ui.tests.Ui.waitUntil;
import static org.confab.client.ui.tests.Ui.widget;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.confab.client.core.ClientOptions;
import org.confab.client.core.ConfabClient;
import org.confab.client.core.ConnectionState;
import org.confab.client.core.KnownServers;
import org.confab.client.core.ServerTrust;
import org.confab.client.ui.ChatSession;
import org.confab.client.ui.internal.dialogs.LoginDialog;
import org.confab.client.ui.internal.dialogs.RegisterDialog;
import org.confab.client.ui.internal.dialogs.ServerIdentityDialog;
import org.confab.client.ui.internal.model.FingerprintText;
import org.confab.client.ui.WidgetIds;
import org.confab.protocol.Fingerprint;
import org.confab.server.api.ServerEndpoint;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CLabel;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Trust on first use in the rich client, against the real server with TLS in the same framework (its
 * own surefire execution, see the pom): the fingerprint shown for a new server is exactly the server's,
 * trusting remembers it, a known server is not asked about again, a changed certificate is a warning
 * whose default does not connect and changes nothing, replacing needs an explicit confirmation, and an
 * automatic reconnect to a changed server is refused and shown in the status line.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrustUITest {
    private static final String PASSWORD = "correct horse battery";
    private static final BundleContext CONTEXT = FrameworkUtil.getBundle(TrustUITest.class).getBundleContext();
    /** What the client remembers when the test pretends the server used to have another certificate. */
    private static final Fingerprint IMPOSTOR = new Fingerprint(new byte[32]);

    private static String server;
    private static int port;
    private static Fingerprint fingerprint;
    private static KnownServers known;
    private static String alice;

    @BeforeAll
    static void serverWithTls() throws Exception {
        ServiceTracker<ServerEndpoint, ServerEndpoint> endpoints = new ServiceTracker<>(CONTEXT, ServerEndpoint.class, null);
        endpoints.open();
        ServerEndpoint endpoint = endpoints.waitForService(60_000);
        port = endpoint.address().getPort();
        server = "127.0.0.1:" + port;
        fingerprint = endpoint.tlsFingerprint().orElseThrow(() -> new AssertionError("the server must run with TLS"));
        Path file = Path.of(CONTEXT.getProperty("confab.client.knownServers"));
        Files.deleteIfExists(file);
        known = KnownServers.at(file);
        alice = "alice" + UUID.randomUUID().toString().substring(0, 8);
        try (ConfabClient registrar = new ConfabClient(
                ClientOptions.of("127.0.0.1", port).withTrust(ServerTrust.pinned(fingerprint)))) {
            registrar.connect().get(10, TimeUnit.SECONDS);
            registrar.register(alice, PASSWORD, "Alice").get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    @Order(1)
    void registrationAsksAboutANewServerAndGoesOnOnlyWhenTrusted() throws Exception {
        Shell login = await("the login dialog", () -> shell(LoginDialog.SHELL_ID));
        run(() -> widget(login, Text.class, "login.server").setText(server));
        later(() -> click(widget(login, Link.class, "login.register")));
        Shell register = await("the registration dialog", () -> shell(RegisterDialog.SHELL_ID));
        String carol = "carol" + UUID.randomUUID().toString().substring(0, 8);
        run(() -> {
            widget(register, Text.class, "register.username").setText(carol);
            widget(register, Text.class, "register.password").setText(PASSWORD);
            widget(register, Text.class, "register.confirmation").setText(PASSWORD);
            click(widget(register, Button.class, "register.ok"));
        });
        Shell question = await("the new-server question", () -> shell(ServerIdentityDialog.NEW_SERVER_SHELL_ID));
        assertEquals(FingerprintText.of(fingerprint), ui(() -> widget(question, Text.class, "trust.presented").getText()));
        Text presented = ui(() -> widget(question, Text.class, "trust.presented"));
        run(presented::forceFocus);
        waitUntil("the fingerprint focused", presented::isFocusControl);
        press(SWT.TAB, '\t');
        waitUntil("Tab on from the multi-line fingerprint", () -> !presented.isFocusControl());
        assertEquals(FingerprintText.of(fingerprint), ui(presented::getText), "Tab typed into the fingerprint");
        run(() -> click(widget(question, Button.class, "trust.refuse")));
        waitUntil("the refusal in the registration dialog",
                () -> errorMessage(register).startsWith("Not connected: you did not trust the server at " + server));
        assertEquals(Optional.empty(), known.lookup(server), "nothing remembered after Cancel");

        run(() -> click(widget(register, Button.class, "register.ok")));
        Shell again = await("the question again", () -> shell(ServerIdentityDialog.NEW_SERVER_SHELL_ID));
        run(() -> click(widget(again, Button.class, "trust.accept")));
        waitUntil("the account created and the registration dialog closed", register::isDisposed);
        waitUntil("the new user logged in at once, without a second question", login::isDisposed);
        waitUntil("connected as the new user", () -> statusLine().startsWith("Connected as " + carol));
        assertEquals(Optional.of(fingerprint), known.lookup(server));

        logOut();
        known.forget(server); // so that the login below meets the server for the first time again
    }

    @Test
    @Order(2)
    void firstLoginShowsExactlyTheServersFingerprintAndTrustingRemembersIt() {
        Shell login = ui(() -> shell(LoginDialog.SHELL_ID).orElseThrow());
        logIn(login);
        Shell question = await("the new-server question", () -> shell(ServerIdentityDialog.NEW_SERVER_SHELL_ID));
        assertEquals(server, ui(() -> widget(question, Label.class, "trust.server").getText()));
        assertEquals(FingerprintText.of(fingerprint), ui(() -> widget(question, Text.class, "trust.presented").getText()));
        assertEquals("trust.accept", ui(() -> question.getDefaultButton().getData(WidgetIds.KEY)));
        assertEquals("Trust and Connect", ui(() -> widget(question, Button.class, "trust.accept").getText()));
        assertFalse(ui(() -> login.isDisposed()), "nothing logged in while the question is open");
        screenshot(question, "client-trust.png");

        run(() -> click(widget(question, Button.class, "trust.accept")));
        waitUntil("the login dialog to close", login::isDisposed);
        waitUntil("connected", () -> statusLine().startsWith("Connected as " + alice + " to " + server));
        assertEquals(Optional.of(fingerprint), known.lookup(server));
    }

    @Test
    @Order(3)
    void aKnownServerIsNotAskedAboutAgain() {
        Shell login = logOut();
        logIn(login);
        waitUntil("logged in without any question", () -> {
            assertTrue(shell(ServerIdentityDialog.NEW_SERVER_SHELL_ID).isEmpty(), "asked about a known server");
            assertTrue(shell(ServerIdentityDialog.CHANGED_SHELL_ID).isEmpty(), "warned about a known server");
            return login.isDisposed() && statusLine().startsWith("Connected as " + alice);
        });
    }

    @Test
    @Order(4)
    void aChangedCertificateIsAWarningWhoseDefaultDoesNotConnect() {
        Shell login = logOut();
        known.remember(server, IMPOSTOR);
        logIn(login);
        Shell warning = await("the changed-identity warning", () -> shell(ServerIdentityDialog.CHANGED_SHELL_ID));
        assertEquals("Server identity changed", ui(warning::getText));
        assertEquals(FingerprintText.of(IMPOSTOR), ui(() -> widget(warning, Text.class, "trust.remembered").getText()));
        assertEquals(FingerprintText.of(fingerprint), ui(() -> widget(warning, Text.class, "trust.presented").getText()));
        assertEquals("trust.refuse", ui(() -> warning.getDefaultButton().getData(WidgetIds.KEY)),
                "the default button is the safe one");
        assertEquals("Don't Connect", ui(() -> warning.getDefaultButton().getText()));
        assertFalse(ui(() -> widget(warning, Button.class, "trust.accept").isEnabled()),
                "replacing is impossible before the confirmation is ticked");
        screenshot(warning, "client-trust-changed.png");

        run(() -> click(warning.getDefaultButton()));
        waitUntil("the refusal in the login dialog", () -> errorMessage(login)
                .startsWith("Not connected: the identity of " + server + " has changed"));
        assertEquals(ConnectionState.DISCONNECTED, session().state());
        assertTrue(session().user().isEmpty());
        assertEquals(Optional.of(IMPOSTOR), known.lookup(server), "the remembered fingerprint is unchanged");
    }

    @Test
    @Order(5)
    void replacingTheRememberedIdentityNeedsTheExplicitConfirmation() {
        Shell login = ui(() -> shell(LoginDialog.SHELL_ID).orElseThrow());
        logIn(login);
        Shell warning = await("the changed-identity warning", () -> shell(ServerIdentityDialog.CHANGED_SHELL_ID));
        run(() -> {
            Button confirm = widget(warning, Button.class, "trust.confirm");
            confirm.setSelection(true);
            confirm.notifyListeners(SWT.Selection, new Event());
            Button replace = widget(warning, Button.class, "trust.accept");
            assertTrue(replace.isEnabled());
            assertEquals("Replace and Connect", replace.getText());
            click(replace);
        });
        waitUntil("the login dialog to close", login::isDisposed);
        waitUntil("connected", () -> statusLine().startsWith("Connected as " + alice + " to " + server));
        assertEquals(Optional.of(fingerprint), known.lookup(server));
    }

    @Test
    @Order(6)
    void anAutomaticReconnectToAChangedServerIsRefusedAndShown() throws Exception {
        TestServer.pinTransportPort(CONTEXT, port);
        waitUntil("connected after the transport picked up its pinned port",
                () -> statusLine().startsWith("Connected as " + alice));
        known.remember(server, IMPOSTOR);
        Bundle transport = Arrays.stream(CONTEXT.getBundles())
                .filter(b -> b.getSymbolicName().equals("org.confab.server.transport")).findFirst().orElseThrow();
        transport.stop();
        transport.start();
        waitUntil("the status line to say why the client stopped reconnecting", () -> statusLine()
                .startsWith("Offline: the server's identity could not be confirmed, not reconnecting."));
        assertTrue(statusLine().contains("CHANGED"), statusLine());
        assertEquals(ConnectionState.DISCONNECTED, session().state());
        assertEquals(Optional.of(IMPOSTOR), known.lookup(server), "a reconnect never replaces the remembered fingerprint");
        assertTrue(ui(() -> shell(ServerIdentityDialog.CHANGED_SHELL_ID).isEmpty()), "a reconnect asks nobody");
    }

    /** Fills in alice's account and presses Log In. */
    private static void logIn(Shell login) {
        run(() -> {
            widget(login, Text.class, "login.server").setText(server);
            widget(login, Text.class, "login.username").setText(alice);
            widget(login, Text.class, "login.password").setText(PASSWORD);
            click(widget(login, Button.class, "login.ok"));
        });
    }

    /** Confab &gt; Log Out, as a user would; returns the login dialog that follows. */
    private static Shell logOut() {
        later(() -> {
            Menu bar = PlatformUI.getWorkbench().getWorkbenchWindows()[0].getShell().getMenuBar();
            Menu confab = Arrays.stream(bar.getItems()).filter(i -> i.getText().replace("&", "").equals("Confab"))
                    .findFirst().orElseThrow().getMenu();
            confab.notifyListeners(SWT.Show, new Event()); // lets the menu manager fill in its items
            MenuItem logOut = Arrays.stream(confab.getItems()).filter(i -> i.getText().replace("&", "").startsWith("Log Out"))
                    .findFirst().orElseThrow();
            logOut.notifyListeners(SWT.Selection, new Event());
        });
        return await("the login dialog after logging out", () -> shell(LoginDialog.SHELL_ID));
    }

    private static ChatSession session() {
        ServiceTracker<ChatSession, ChatSession> tracker = new ServiceTracker<>(CONTEXT, ChatSession.class, null);
        tracker.open();
        try {
            return tracker.getService();
        } finally {
            tracker.close();
        }
    }

    private static String statusLine() {
        return ui(() -> widget(PlatformUI.getWorkbench().getWorkbenchWindows()[0].getShell(), CLabel.class,
                "status.connection").getText());
    }

    private static String errorMessage(Shell dialog) {
        return ui(() -> {
            String message = dialog.getData() instanceof org.eclipse.jface.dialogs.TitleAreaDialog d ? d.getErrorMessage() : null;
            return message == null ? "" : message;
        });
    }

    /** Saves what the dialog looks like on the (virtual) screen, for the documentation (also LanLoginUITest's). */
    static void screenshot(Shell dialog, String name) {
        String directory = CONTEXT.getProperty("confab.screenshots");
        if (directory == null) {
            return;
        }
        run(() -> {
            dialog.forceActive(); // an inactive GTK window draws its default button faded, as if disabled
            while (dialog.getDisplay().readAndDispatch()) {
                // paint everything pending before copying the screen
            }
            // the client area mapped to the screen: without a window manager the shell's bounds include
            // a title bar SWT only assumes
            Rectangle bounds = dialog.getDisplay().map(dialog, null, dialog.getClientArea());
            Image image = new Image(dialog.getDisplay(), bounds.width, bounds.height);
            GC gc = new GC(dialog.getDisplay());
            try {
                gc.copyArea(image, bounds.x, bounds.y);
                ImageLoader png = new ImageLoader();
                png.data = new ImageData[] { image.getImageData() };
                Files.createDirectories(Path.of(directory));
                png.save(Path.of(directory, name).toString(), SWT.IMAGE_PNG);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                gc.dispose();
                image.dispose();
            }
        });
    }
}
