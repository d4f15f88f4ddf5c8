package org.confab.client.ui.tests;

import static org.confab.client.ui.tests.Ui.await;
import static org.confab.client.ui.tests.Ui.button;
import static org.confab.client.ui.tests.Ui.click;
import static org.confab.client.ui.tests.Ui.later;
import static org.confab.client.ui.tests.Ui.run;
import static org.confab.client.ui.tests.Ui.screenshot;
import static org.confab.client.ui.tests.Ui.shell;
import static org.confab.client.ui.tests.Ui.ui;
import static org.confab.client.ui.tests.Ui.waitUntil;
import static org.confab.client.ui.tests.Ui.widget;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.UUID;

import org.confab.client.ui.internal.dialogs.ChangePasswordDialog;
import org.confab.client.ui.internal.dialogs.LoginDialog;
import org.confab.server.api.AdminActor;
import org.confab.server.api.AdminService;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/** Confab &gt; Change Password, as a user would: mistakes are pointed at, then the new password logs in and the old one not. */
class PasswordChangeUITest {
    private static final BundleContext CONTEXT = FrameworkUtil.getBundle(PasswordChangeUITest.class).getBundleContext();
    private static final String OLD = "first pass phrase";
    private static final String NEW = "second pass phrase";

    private static String server;
    private static String user;

    @BeforeAll
    static void account() throws Exception {
        server = "127.0.0.1:" + TestServer.port(CONTEXT);
        user = ("pat" + UUID.randomUUID().toString().replace("-", "").substring(0, 8)).toLowerCase(Locale.ROOT);
        TestServer.service(CONTEXT, AdminService.class).addUser(AdminActor.console(), user, OLD, "Pat Changer", false);
    }

    @AfterAll
    static void logOutAgain() {
        Sessions.logOut();
    }

    @Test
    void aUserChangesTheirPasswordAndLogsInWithTheNewOne() {
        Sessions.logOut();
        Sessions.logIn(server, user, OLD);

        later(() -> Sessions.menuItem(Sessions.window().getShell().getMenuBar(), "&Confab").flatMap(confab -> {
            Menu menu = confab.getMenu();
            menu.notifyListeners(SWT.Show, new Event());
            return Sessions.menuItem(menu, "Change &Password\u2026");
        }).ifPresent(Ui::click));
        Shell dialog = await("the change password dialog", () -> shell(ChangePasswordDialog.SHELL_ID));

        fill(dialog, OLD, "my " + user + " pass", "my " + user + " pass");
        waitUntil("the rule pointed at", () -> error(dialog, "passwd.passwordError")
                .equals("The password must not contain the username."));
        fill(dialog, OLD, NEW, NEW + "!");
        waitUntil("the mismatch pointed at", () -> error(dialog, "passwd.confirmationError")
                .equals("The new passwords do not match."));
        fill(dialog, "not my password", NEW, NEW);
        waitUntil("the server's refusal shown at the current password",
                () -> error(dialog, "passwd.currentError").equals("The current password is wrong."));
        run(() -> screenshot(dialog, "client-change-password"));

        fill(dialog, OLD, NEW, NEW);
        waitUntil("the dialog to close", dialog::isDisposed);
        Shell done = await("the confirmation", () -> shell("passwd.done"));
        later(() -> click(button(done, "OK")));
        waitUntil("the confirmation to close", done::isDisposed);

        Sessions.logOut();
        Shell login = await("the login dialog", () -> shell(LoginDialog.SHELL_ID));
        run(() -> {
            widget(login, Text.class, "login.server").setText(server);
            widget(login, Text.class, "login.username").setText(user);
            widget(login, Text.class, "login.password").setText(OLD);
            widget(login, Button.class, "login.remember").setSelection(false);
            click(widget(login, Button.class, "login.ok"));
        });
        waitUntil("the old password refused", () -> "Wrong username or password."
                .equals(login.getData() instanceof TitleAreaDialog d ? d.getErrorMessage() : null));
        assertTrue(ui(() -> !login.isDisposed()), "still at the login dialog");

        Sessions.logIn(server, user, NEW);
        assertEquals(user, ui(() -> Sessions.window().getShell().getText()).replaceFirst("^Confab \u2014 ", ""));
    }

    private static void fill(Shell dialog, String current, String password, String confirmation) {
        waitUntil("the dialog ready", () -> widget(dialog, Text.class, "passwd.current").isEnabled());
        run(() -> {
            widget(dialog, Text.class, "passwd.current").setText(current);
            widget(dialog, Text.class, "passwd.password").setText(password);
            widget(dialog, Text.class, "passwd.confirmation").setText(confirmation);
            click(widget(dialog, Button.class, "passwd.ok"));
        });
    }

    private static String error(Shell dialog, String id) {
        Label line = widget(dialog, Label.class, id);
        return line.isVisible() ? line.getText() : "";
    }
}
