package org.confab.client.ui.tests;

import static org.confab.client.ui.tests.Ui.run;
import static org.confab.client.ui.tests.Ui.screenshot;
import static org.confab.client.ui.tests.Ui.ui;
import static org.confab.client.ui.tests.Ui.waitUntil;
import static org.confab.client.ui.tests.Ui.widget;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.confab.client.core.ClientOptions;
import org.confab.client.core.ConfabClient;
import org.confab.client.core.ServerTrust;
import org.confab.client.ui.internal.model.Contact;
import org.confab.client.ui.internal.views.ContactsView;
import org.confab.server.api.AccountChanges;
import org.confab.server.api.AdminActor;
import org.confab.server.api.AdminService;
import org.eclipse.swt.custom.CLabel;
import org.eclipse.swt.widgets.Label;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * What the window says about its connection while the server goes away and comes back: contacts turn
 * from green to "unknown" (never green while we cannot know), the status line says in plain words what
 * happened and when, and its dot stays. Screenshots of the three states land in target/screenshots.
 */
class ConnectionStateUITest {
    private static final BundleContext CONTEXT = FrameworkUtil.getBundle(ConnectionStateUITest.class).getBundleContext();
    private static final String PASSWORD = "state of the line";
    private static final String CHANGED = "changed while away";

    private static int port;
    private static String server;
    private static String sam;
    private static String tess;
    private static ConfabClient tessClient;

    @BeforeAll
    static void accounts() throws Exception {
        port = TestServer.port(CONTEXT);
        server = "127.0.0.1:" + port;
        AdminService admin = TestServer.service(CONTEXT, AdminService.class);
        sam = unique("sam");
        tess = unique("tess");
        admin.addUser(AdminActor.console(), sam, PASSWORD, "Sam Status", false);
        admin.addUser(AdminActor.console(), tess, PASSWORD, "Tess Online", false);
        TestServer.pinTransportPortAndWait(CONTEXT, port);
        tessClient = new ConfabClient(ClientOptions.of("127.0.0.1", port).withTrust(ServerTrust.plain())
                .withReconnectDelays(Duration.ofMillis(100), Duration.ofSeconds(1)));
        tessClient.connect().get(10, TimeUnit.SECONDS);
        tessClient.login(tess, PASSWORD).get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void cleanUp() {
        if (tessClient != null) {
            tessClient.close();
        }
        Sessions.logOut();
    }

    @Test
    void contactsAreUnknownWhileTheServerIsDownAndTheStatusSaysWhatHappened() throws Exception {
        Sessions.logOut();
        Sessions.logIn(server, sam, PASSWORD);
        ContactsView contacts = ui(() -> (ContactsView) Sessions.window().getActivePage().showView(ContactsView.ID));
        waitUntil("tess shown online", () -> contact(contacts, tess).filter(Contact::online).isPresent());
        assertTrue(ui(() -> dotShown()), "the status dot");
        run(() -> screenshot(Sessions.window().getShell(), "client-connected"));

        Bundle transport = Arrays.stream(CONTEXT.getBundles())
                .filter(b -> b.getSymbolicName().equals("org.confab.server.transport")).findFirst().orElseThrow();
        transport.stop();
        try {
            whileTheServerIsDown(contacts, transport);
        } finally {
            // whatever failed above, the next test classes need the server back
            if (transport.getState() != Bundle.ACTIVE) {
                transport.start();
            }
        }
        Sessions.logOut();
        Sessions.logIn(server, sam, CHANGED);
        ContactsView after = ui(() -> (ContactsView) Sessions.window().getActivePage().showView(ContactsView.ID));
        waitUntil("tess online again",
                () -> contact(after, tess).filter(c -> c.online() && c.presenceKnown()).isPresent());
    }

    private void whileTheServerIsDown(ContactsView contacts, Bundle transport) throws Exception {
        String lostAt = LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT));
        waitUntil("the status line to say reconnecting", () -> statusLine().startsWith("Reconnecting to " + server));
        waitUntil("nobody shown online", () -> contacts.shown().stream().noneMatch(Contact::online));
        List<Contact> shown = ui(contacts::shown);
        assertTrue(shown.stream().anyMatch(c -> c.username().equals(tess)), "the list stays: " + shown);
        assertTrue(shown.stream().noneMatch(Contact::presenceKnown), "every presence unknown: " + shown);
        assertEquals("Presence unknown while offline",
                ui(() -> widget(Sessions.window().getShell(), Label.class, "contacts.summary").getText()));
        assertTrue(ui(() -> uncut(widget(Sessions.window().getShell(), Label.class, "contacts.summary"))),
                "the contacts summary is cut");
        waitUntil("the status line uncut: " + statusLine(), () -> uncut(statusLabel()));
        String reconnecting = statusLine();
        assertTrue(reconnecting.matches("Reconnecting to \\Q" + server + "\\E\u2026 \\(connection lost at \\d\\d:\\d\\d: .+\\)"),
                reconnecting);
        assertTrue(reconnecting.contains(lostAt) || !LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm",
                Locale.ROOT)).equals(lostAt), "the local time of the loss: " + reconnecting);
        assertFalse(reconnecting.contains("acknowledgement") || reconnecting.contains("SHUTDOWN"), reconnecting);
        assertTrue(ui(() -> dotShown()), "the status dot while reconnecting");
        assertTrue(ui(() -> statusLabel().getToolTipText().contains("sent when the connection is back")),
                ui(() -> statusLabel().getToolTipText()));
        run(() -> screenshot(Sessions.window().getShell(), "client-reconnecting"));

        // the password changes while sam is away: the automatic re-login is refused and the window says so
        TestServer.service(CONTEXT, AdminService.class).updateUser(AdminActor.console(), sam,
                AccountChanges.none().withPassword(CHANGED));
        transport.start();
        waitUntil("the status line to say offline", () -> statusLine().startsWith("Offline since "));
        assertTrue(statusLine().endsWith("(the server no longer accepts your password; log out and log in again)"),
                statusLine());
        assertTrue(ui(() -> contacts.shown().stream().noneMatch(c -> c.online() || c.presenceKnown())));
        assertTrue(ui(() -> dotShown()), "the status dot while offline");
        waitUntil("the status line uncut: " + statusLine(), () -> uncut(statusLabel()));
        run(() -> screenshot(Sessions.window().getShell(), "client-offline"));
    }

    private static Optional<Contact> contact(ContactsView view, String username) {
        return view.shown().stream().filter(c -> c.username().equals(username)).findFirst();
    }

    private static CLabel statusLabel() {
        return widget(Sessions.window().getShell(), CLabel.class, "status.connection");
    }

    private static String statusLine() {
        return ui(() -> statusLabel().getText());
    }

    /** Whether a control has the room its text needs (call on the display thread). */
    private static boolean uncut(org.eclipse.swt.widgets.Control control) {
        return control.computeSize(org.eclipse.swt.SWT.DEFAULT, org.eclipse.swt.SWT.DEFAULT).x <= control.getSize().x;
    }

    /** The dot has its picture and its room (call on the display thread). */
    private static boolean dotShown() {
        Label dot = widget(Sessions.window().getShell(), Label.class, "status.dot");
        return dot.getImage() != null && dot.isVisible() && dot.getSize().x >= 12 && dot.getSize().y >= 12;
    }

    private static String unique(String prefix) {
        return (prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 8)).toLowerCase(Locale.ROOT);
    }
}
