package org.confab.client.ui.tests;

import static org.confab.client.ui.tests.Ui.run;
import static org.confab.client.ui.tests.Ui.ui;
import static org.confab.client.ui.tests.Ui.waitUntil;
import static org.confab.client.ui.tests.Ui.widget;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.confab.client.core.ClientOptions;
import org.confab.client.core.ConfabClient;
import org.confab.client.core.ServerTrust;
import org.confab.client.ui.internal.views.ContactsView;
import org.confab.client.ui.internal.views.ConversationEditor;
import org.confab.client.ui.internal.views.HistoryView;
import org.confab.client.ui.internal.views.Workbench;
import org.confab.server.api.AdminActor;
import org.confab.server.api.AdminService;
import org.confab.server.api.ServerEndpoint;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * One client, two people: after Alice logs out and Bob logs in on the same window, nothing of Alice's
 * may be on screen. Seen before the fix: Bob read Alice's search results in the History and Search view.
 */
class PrivacyAcrossLoginsUITest {
    private static final String PASSWORD = "privacy staple horse";
    private static final BundleContext CONTEXT = FrameworkUtil.getBundle(PrivacyAcrossLoginsUITest.class).getBundleContext();

    private static String server;
    private static String alice;
    private static String bob;
    private static String secret;
    private static String carol;

    @BeforeAll
    static void accounts() throws Exception {
        ServiceTracker<ServerEndpoint, ServerEndpoint> endpoints = new ServiceTracker<>(CONTEXT, ServerEndpoint.class, null);
        endpoints.open();
        int port = endpoints.waitForService(60_000).address().getPort();
        server = "127.0.0.1:" + port;
        ServiceTracker<AdminService, AdminService> admins = new ServiceTracker<>(CONTEXT, AdminService.class, null);
        admins.open();
        AdminService admin = admins.waitForService(60_000);
        alice = unique("alice");
        bob = unique("bob");
        carol = unique("carol");
        admin.addUser(AdminActor.console(), alice, PASSWORD, "Alice Private", false);
        admin.addUser(AdminActor.console(), bob, PASSWORD, "Bob Next", false);
        admin.addUser(AdminActor.console(), carol, PASSWORD, "Carol Peer", false);
        secret = "wombat" + unique("");
        try (ConfabClient aliceLibrary = new ConfabClient(ClientOptions.of("127.0.0.1", port).withTrust(ServerTrust.plain()))) {
            aliceLibrary.connect().get(10, TimeUnit.SECONDS);
            aliceLibrary.login(alice, PASSWORD).get(10, TimeUnit.SECONDS);
            aliceLibrary.send(carol, "only for Carol: the " + secret + " code is 4711").get(10, TimeUnit.SECONDS);
        }
    }

    /** Leaves the window as the suite's other classes expect to find it: at the login dialog. */
    @AfterAll
    static void logOutAgain() {
        Sessions.logOut();
    }

    private static String unique(String prefix) {
        return (prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10)).toLowerCase(Locale.ROOT);
    }

    @Test
    void theNextUserSeesNothingOfThePreviousUsersSearch() {
        Sessions.logOut();
        Sessions.logIn(server, alice, PASSWORD);
        HistoryView history = ui(() -> (HistoryView) Sessions.window().getActivePage().showView(HistoryView.ID));
        run(() -> history.search(secret));
        waitUntil("Alice's search result", () -> history.shown().size() == 1);

        Sessions.logOut();
        Sessions.logIn(server, bob, PASSWORD);

        HistoryView after = ui(() -> (HistoryView) Sessions.window().getActivePage().showView(HistoryView.ID));
        assertTrue(ui(() -> after.shown().isEmpty()), "Bob sees Alice's results: " + ui(() -> after.shown()));
        Table table = ui(() -> widget(Sessions.window().getShell(), Table.class, "history.table"));
        assertEquals(0, (int) ui(table::getItemCount), "rows left in the history table");
        Text query = ui(() -> widget(Sessions.window().getShell(), Text.class, "history.query"));
        assertEquals("", ui(query::getText), "Alice's search text is still in the field");
        Label status = ui(() -> widget(Sessions.window().getShell(), Label.class, "history.status"));
        assertFalse(ui(status::getText).contains(secret), "the status line names Alice's search: " + ui(status::getText));
    }

    @Test
    void theNextUserSeesNoneOfThePreviousUsersConversationsDraftsOrContactFilter() {
        Sessions.logOut();
        Sessions.logIn(server, alice, PASSWORD);
        ContactsView contacts = ui(() -> (ContactsView) Sessions.window().getActivePage().showView(ContactsView.ID));
        run(() -> widget(Sessions.window().getShell(), Text.class, "contacts.filter").setText(carol));
        waitUntil("Alice's filter applied", () -> contacts.shown().size() == 1);
        ConversationEditor conversation = ui(() -> Workbench.openConversation(Sessions.window(), carol, true).orElseThrow());
        waitUntil("Alice's message to Carol", () -> conversation.transcriptText().contains(secret));
        run(() -> conversation.composer().setText("a half-written " + secret + " draft"));

        Sessions.logOut();
        Sessions.logIn(server, bob, PASSWORD);

        assertEquals(0, (int) ui(() -> Sessions.window().getActivePage().getEditorReferences().length),
                "conversations of Alice left open");
        ContactsView after = ui(() -> (ContactsView) Sessions.window().getActivePage().showView(ContactsView.ID));
        assertEquals("", ui(() -> widget(Sessions.window().getShell(), Text.class, "contacts.filter").getText()),
                "Alice's contact filter");
        waitUntil("Bob's own contacts", () -> after.shown().size() > 1);
        assertTrue(ui(() -> after.shown()).stream().allMatch(c -> c.unread() == 0), "Alice's unread counts");
        assertFalse(ui(() -> Sessions.window().getShell().getText()).contains(alice), "Alice in the title");
        ConversationEditor bobs = ui(() -> Workbench.openConversation(Sessions.window(), carol, true).orElseThrow());
        assertEquals("", ui(() -> bobs.composer().getText()), "Alice's draft");
        assertFalse(ui(bobs::transcriptText).contains(secret), "Alice's conversation in Bob's");
        run(() -> Sessions.window().getActivePage().closeAllEditors(false));
    }
}
