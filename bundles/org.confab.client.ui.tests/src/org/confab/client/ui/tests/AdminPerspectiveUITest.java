package org.confab.client.ui.tests;

import static org.confab.client.ui.tests.AdminUi.ADMIN_PERSPECTIVE;
import static org.confab.client.ui.tests.AdminUi.CHAT_PERSPECTIVE;
import static org.confab.client.ui.tests.AdminUi.adminMenu;
import static org.confab.client.ui.tests.AdminUi.errorMessage;
import static org.confab.client.ui.tests.AdminUi.label;
import static org.confab.client.ui.tests.AdminUi.message;
import static org.confab.client.ui.tests.AdminUi.openAdministration;
import static org.confab.client.ui.tests.AdminUi.perspective;
import static org.confab.client.ui.tests.AdminUi.row;
import static org.confab.client.ui.tests.AdminUi.table;
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

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.confab.client.core.ClientListener;
import org.confab.client.core.ClientOptions;
import org.confab.client.core.ConfabClient;
import org.confab.client.core.ConfabException;
import org.confab.client.core.ServerTrust;
import org.confab.client.ui.internal.dialogs.LoginDialog;
import org.confab.protocol.ErrorCode;
import org.confab.protocol.messages.AdminMessages.Kick;
import org.confab.client.ui.internal.views.ContactsView;
import org.confab.server.api.AccountChanges;
import org.confab.server.api.AdminActor;
import org.confab.server.api.AdminService;
import org.confab.server.api.ServerEndpoint;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * An administrator's session in the Admin perspective against the real server in the same framework:
 * the menu only administrators see, adding an account with the dialog's checks, watching the new user
 * come online, kicking and banning them (their client is told why), the audit log and the server
 * status, lock and delete; then the other side: a normal user's window, which the Admin menu is hidden
 * from, shows the server's refusal in the admin views and, when kicked, says why and cannot log back in
 * during the ban. The Server Plugins view has a class of its own ({@link AdminPluginsUITest}).
 * Screenshots for docs/ land in target/screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminPerspectiveUITest {
    private static final String PASSWORD = "staple battery horse";
    private static final BundleContext CONTEXT = FrameworkUtil.getBundle(AdminPerspectiveUITest.class).getBundleContext();

    private static String server;
    private static int port;
    private static String boss;
    private static String dana;
    private static String erin;
    private static String gus;
    private static ConfabClient danaClient;
    private static final List<String> danaClosed = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void accounts() throws Exception {
        ServiceTracker<ServerEndpoint, ServerEndpoint> endpoints = new ServiceTracker<>(CONTEXT, ServerEndpoint.class, null);
        endpoints.open();
        port = endpoints.waitForService(60_000).address().getPort();
        server = "127.0.0.1:" + port;
        ServiceTracker<AdminService, AdminService> admins = new ServiceTracker<>(CONTEXT, AdminService.class, null);
        admins.open();
        AdminService admin = admins.waitForService(60_000);
        boss = TestServer.newUsername("boss");
        dana = TestServer.newUsername("dana");
        erin = TestServer.newUsername("erin");
        admin.addUser(AdminActor.console(), boss, PASSWORD, "The Boss", true);
        admin.addUser(AdminActor.console(), erin, PASSWORD, "Erin Normal", false);
    }

    @AfterAll
    static void close() {
        if (danaClient != null) {
            danaClient.close();
        }
    }

    @Test
    @Order(1)
    void onlyAnAdministratorSeesTheAdminMenuWhichOpensTheAdministrationPerspective() {
        logOut();
        logIn(boss);
        openAdministration();
        waitUntil("the accounts table lists the administrator", () -> column(table("accounts.table"), 0).contains(boss));
        waitUntil("the status view", () -> label("status.database").getText().startsWith("H2"));
    }

    @Test
    @Order(2)
    void addingAnAccountChecksTheFormAndShowsTheNewAccount() {
        later(() -> click(widget(window().getShell(), Button.class, "accounts.add")));
        Shell dialog = await("the add-account dialog", () -> shell("account"));
        run(() -> {
            widget(dialog, Text.class, "account.username").setText(dana);
            widget(dialog, Text.class, "account.displayName").setText("Dana Scully");
            widget(dialog, Text.class, "account.password").setText(PASSWORD);
            widget(dialog, Text.class, "account.confirmation").setText(PASSWORD + "!");
        });
        assertFalse(ui(() -> widget(dialog, Button.class, "account.ok").isEnabled()), "mismatched passwords cannot be sent");
        assertEquals("The two passwords differ.", ui(() -> message(dialog)));
        run(() -> widget(dialog, Text.class, "account.confirmation").setText(PASSWORD));
        assertTrue(ui(() -> widget(dialog, Button.class, "account.ok").isEnabled()));
        run(() -> screenshot(dialog, "admin-add-account"));
        run(() -> click(widget(dialog, Button.class, "account.ok")));
        waitUntil("the dialog to close", dialog::isDisposed);
        waitUntil("the new account in the table", () -> column(table("accounts.table"), 0).contains(dana));
        assertEquals("Dana Scully", ui(() -> row(table("accounts.table"), dana)[1]));
    }

    @Test
    @Order(3)
    void theOnlineUsersViewShowsANewUserComingOnlineWithoutARefresh() throws Exception {
        danaClient = new ConfabClient(ClientOptions.of("127.0.0.1", port).withTrust(ServerTrust.plain())
                .withClientName("test-client/1.0").withReconnectDelays(Duration.ofMillis(100), Duration.ofSeconds(1)));
        danaClient.addListener(new ClientListener() {
            @Override
            public void onSessionClosed(String code, String reason) {
                danaClosed.add(code + ": " + reason);
            }
        });
        danaClient.connect().get(10, TimeUnit.SECONDS);
        danaClient.login(dana, PASSWORD).get(10, TimeUnit.SECONDS);
        waitUntil("dana in the online users", () -> column(table("online.table"), 0).contains(dana));
        assertEquals("test-client/1.0", ui(() -> row(table("online.table"), dana)[4]));
        waitUntil("dana online in the accounts table", () -> row(table("accounts.table"), dana)[4].contains("online"));
        run(() -> screenshot(window().getShell(), "admin-perspective"));
    }

    @Test
    @Order(4)
    void kickingWithAReasonAndABanClosesTheSessionAndTellsTheUserWhy() throws Exception {
        run(() -> selectRow(table("online.table"), dana));
        later(() -> click(widget(window().getShell(), Button.class, "online.kick")));
        Shell dialog = await("the kick dialog", () -> shell("kick"));
        run(() -> {
            widget(dialog, Text.class, "kick.reason").setText("Please take a break");
            Button ban = widget(dialog, Button.class, "kick.ban");
            ban.setSelection(true);
            click(ban);
            widget(dialog, Spinner.class, "kick.banAmount").setSelection(10);
            Combo unit = widget(dialog, Combo.class, "kick.banUnit");
            unit.select(0);
            click(unit);
        });
        waitUntil("the ban enabled", () -> widget(dialog, Spinner.class, "kick.banAmount").isEnabled());
        run(() -> screenshot(dialog, "admin-kick"));
        run(() -> click(widget(dialog, Button.class, "kick.ok")));
        waitUntil("the kick dialog to close", dialog::isDisposed);
        waitUntil("dana told why", () -> danaClosed.stream().anyMatch(c -> c.startsWith("KICKED: Please take a break (banned until")));
        waitUntil("dana gone from the online users", () -> !column(table("online.table"), 0).contains(dana));
        waitUntil("the ban in the accounts table", () -> row(table("accounts.table"), dana)[3].startsWith("Banned until"));
        ExecutionException refused = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, () -> {
            try (ConfabClient again = new ConfabClient(ClientOptions.of("127.0.0.1", port).withTrust(ServerTrust.plain()))) {
                again.connect().get(10, TimeUnit.SECONDS);
                again.login(dana, PASSWORD).get(10, TimeUnit.SECONDS);
            }
        });
        assertEquals(ErrorCode.ACCOUNT_BANNED, ((ConfabException) refused.getCause()).code());
    }

    @Test
    @Order(5)
    void theAuditLogRecordsWhoDidWhatAndTheStatusCountsSessions() {
        waitUntil("the addition and the kick in the audit log", () -> {
            List<String> targets = column(table("audit.table"), 3);
            List<String> actions = column(table("audit.table"), 2);
            return targets.contains(dana) && actions.contains("kick") && actions.contains("user.add")
                    && column(table("audit.table"), 1).contains(boss);
        });
        waitUntil("sessions counted", () -> Integer.parseInt(label("status.sessions").getText()) >= 1);
    }

    @Test
    @Order(10)
    void aBanIsLiftedFromTheAccountsView() throws Exception {
        run(() -> selectRow(table("accounts.table"), dana));
        assertTrue(ui(() -> widget(window().getShell(), Button.class, "accounts.unban").isEnabled()), "dana is banned");
        run(() -> click(widget(window().getShell(), Button.class, "accounts.unban")));
        waitUntil("dana active again", () -> "Active".equals(row(table("accounts.table"), dana)[3]));
        run(() -> selectRow(table("accounts.table"), dana));
        assertFalse(ui(() -> widget(window().getShell(), Button.class, "accounts.unban").isEnabled()), "no ban to lift");
        try (ConfabClient again = new ConfabClient(ClientOptions.of("127.0.0.1", port).withTrust(ServerTrust.plain()))) {
            again.connect().get(10, TimeUnit.SECONDS);
            again.login(dana, PASSWORD).get(10, TimeUnit.SECONDS);
        }
        waitUntil("the lifted ban in the audit log", () -> column(table("audit.table"), 5).contains("ban lifted"));
    }

    @Test
    @Order(11)
    void changesMadeElsewhereShowWithoutARefresh() throws Exception {
        AdminService console = TestServer.service(CONTEXT, AdminService.class);
        gus = TestServer.newUsername("gus");
        console.addUser(AdminActor.console(), gus, PASSWORD, "Gus Elsewhere", false);
        waitUntil("the account added on the console in the accounts table",
                () -> column(table("accounts.table"), 0).contains(gus));
        console.kick(AdminActor.console(), gus, Optional.of("testing"), Optional.of(Duration.ofMinutes(30)));
        waitUntil("the console's ban in the accounts table",
                () -> row(table("accounts.table"), gus)[3].matches("Banned until .+ \\((29|30) min left\\)"));
        waitUntil("the console's kick in the audit log", () -> {
            Table audit = table("audit.table");
            List<String> actors = column(audit, 1);
            List<String> actions = column(audit, 2);
            List<String> targets = column(audit, 3);
            for (int i = 0; i < targets.size(); i++) {
                if (targets.get(i).equals(gus) && actions.get(i).equals("kick") && actors.get(i).equals("console")) {
                    return true;
                }
            }
            return false;
        });
        console.updateUser(AdminActor.console(), gus, AccountChanges.none().withBanLifted());
    }

    @Test
    @Order(12)
    void aNewAccountIsInTheContactsOfEveryoneLoggedIn() throws Exception {
        ui(() -> window().getWorkbench().showPerspective(CHAT_PERSPECTIVE, window()));
        ContactsView contacts = ui(() -> (ContactsView) window().getActivePage().showView(ContactsView.ID));
        String fay = TestServer.newUsername("fay");
        TestServer.service(CONTEXT, AdminService.class).addUser(AdminActor.console(), fay, PASSWORD, "Fay New", false);
        waitUntil("fay in the contacts without logging in again",
                () -> contacts.shown().stream().anyMatch(c -> c.username().equals(fay) && !c.online()));
        assertTrue(ui(() -> contacts.shown()).stream().anyMatch(c -> c.username().equals(gus)), "gus too");
        ui(() -> window().getWorkbench().showPerspective(ADMIN_PERSPECTIVE, window()));
        waitUntil("back in the Administration perspective", () -> ADMIN_PERSPECTIVE.equals(perspective()));
    }

    @Test
    @Order(20)
    void aNoticeFromTheOnlineUsersViewReachesEveryoneOnlineIncludingThisWindow() {
        later(() -> click(widget(window().getShell(), Button.class, "online.broadcast")));
        Shell dialog = await("the notice dialog", () -> shell("broadcast"));
        assertFalse(ui(() -> widget(dialog, Button.class, "broadcast.ok").isEnabled()), "an empty notice cannot be sent");
        run(() -> widget(dialog, Text.class, "broadcast.text").setText("The server restarts at 18:00."));
        run(() -> click(widget(dialog, Button.class, "broadcast.ok")));
        waitUntil("the notice dialog to close", dialog::isDisposed);
        Shell notice = await("the notice in this window", () -> shell("admin.notice"));
        assertTrue(ui(() -> texts(notice)).contains("The server restarts at 18:00."));
        assertTrue(ui(() -> texts(notice)).contains("sent by " + boss));
        run(() -> click(button(notice, "OK")));
        waitUntil("the notice closed", notice::isDisposed);
    }

    @Test
    @Order(21)
    void lockingAndDeletingAnAccount() {
        run(() -> selectRow(table("accounts.table"), dana));
        run(() -> click(widget(window().getShell(), Button.class, "accounts.lock")));
        waitUntil("dana locked", () -> "Locked".equals(row(table("accounts.table"), dana)[3]));
        run(() -> selectRow(table("accounts.table"), dana));
        later(() -> click(widget(window().getShell(), Button.class, "accounts.delete")));
        Shell confirm = await("the delete confirmation", () -> shell("accounts.confirmDelete"));
        assertTrue(ui(() -> texts(confirm)).contains("for good"));
        run(() -> click(button(confirm, "&Delete account")));
        waitUntil("dana gone from the accounts", () -> !column(table("accounts.table"), 0).contains(dana));
    }

    @Test
    @Order(22)
    void aNormalUserHasNoAdminMenuAndTheAdminViewsShowTheServersRefusal() throws Exception {
        logOut();
        logIn(erin);
        waitUntil("back in the chat perspective", () -> CHAT_PERSPECTIVE.equals(perspective()));
        assertTrue(ui(() -> adminMenu().isEmpty()), "no Admin menu for a normal user");
        ui(() -> window().getWorkbench().showPerspective(ADMIN_PERSPECTIVE, window()));
        waitUntil("the refusal in the accounts view", () -> {
            Label problem = label("org.confab.client.ui.admin.view.accounts.problem");
            return problem.isVisible() && problem.getText().startsWith("Not allowed");
        });
        assertTrue(ui(() -> table("accounts.table").getItemCount() == 0), "no data for a normal user");
        ui(() -> window().getWorkbench().showPerspective(CHAT_PERSPECTIVE, window()));
    }

    @Test
    @Order(23)
    void aKickedUserIsToldWhyAndCannotLogBackInDuringTheBan() throws Exception {
        try (ConfabClient admin = new ConfabClient(ClientOptions.of("127.0.0.1", port).withTrust(ServerTrust.plain()))) {
            admin.connect().get(10, TimeUnit.SECONDS);
            admin.login(boss, PASSWORD).get(10, TimeUnit.SECONDS);
            admin.admin().kick(new Kick(erin, "Use the right channel", 5)).get(10, TimeUnit.SECONDS);
        }
        Instant banEnd = Instant.now().plus(Duration.ofMinutes(5));
        Shell ended = await("the session-ended dialog", () -> shell("session.ended"));
        String told = ui(() -> texts(ended));
        // local time and the time left, in one sentence; never the server's UTC ISO text
        assertTrue(told.contains("An administrator ended your session: Use the right channel. You cannot log in again until "
                + localTime(banEnd) + ", in ") || told.contains(localTime(banEnd.minusSeconds(60)) + ", in "), told);
        assertTrue(told.matches("(?s).*, in [45] minutes\\..*"), told);
        assertFalse(told.matches("(?s).*\\d{4}-\\d\\d-\\d\\dT.*") || told.contains("banned until"), told);
        run(() -> screenshot(ended, "client-kicked"));
        run(() -> click(button(ended, "OK")));
        Shell login = await("the login dialog again", () -> shell(LoginDialog.SHELL_ID));
        run(() -> {
            widget(login, Text.class, "login.server").setText(server);
            widget(login, Text.class, "login.username").setText(erin);
            widget(login, Text.class, "login.password").setText(PASSWORD);
            click(widget(login, Button.class, "login.ok"));
        });
        waitUntil("the ban explained", () -> errorMessage(login).startsWith("An administrator banned this account until "));
        assertTrue(errorMessage(login).matches("An administrator banned this account until \\d\\d:\\d\\d, in [45] minutes\\."),
                errorMessage(login));
        assertTrue(ui(() -> shell(LoginDialog.SHELL_ID).isPresent()), "still at the login dialog");
    }

    private static void logIn(String username) {
        Sessions.logIn(server, username, PASSWORD);
    }

    private static void logOut() {
        Sessions.logOut();
    }

    private static String localTime(Instant instant) {
        return java.time.format.DateTimeFormatter.ofPattern("HH:mm").format(instant.atZone(java.time.ZoneId.systemDefault()));
    }
}
