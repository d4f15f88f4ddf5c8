package org.confab.client.ui.tests;

import static org.confab.client.ui.tests.Ui.await;
import static org.confab.client.ui.tests.Ui.click;
import static org.confab.client.ui.tests.Ui.later;
import static org.confab.client.ui.tests.Ui.run;
import static org.confab.client.ui.tests.Ui.shell;
import static org.confab.client.ui.tests.Ui.ui;
import static org.confab.client.ui.tests.Ui.waitUntil;
import static org.confab.client.ui.tests.Ui.widget;

import java.util.Arrays;
import java.util.Optional;

import org.confab.client.ui.internal.dialogs.LoginDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CLabel;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;

/** Logging the real window in and out through its login dialog and Confab menu, for test classes that switch users. */
final class Sessions {
    private Sessions() {
    }

    static IWorkbenchWindow window() {
        return PlatformUI.getWorkbench().getWorkbenchWindows()[0];
    }

    /** Logs in through the login dialog (which must be showing) and waits for the status line to say so. */
    static void logIn(String server, String username, String password) {
        Shell login = await("the login dialog", () -> shell(LoginDialog.SHELL_ID));
        submit(login, server, username, password);
        waitUntil("the login dialog to close", login::isDisposed);
        waitUntil("connected as " + username, () -> widget(window().getShell(), CLabel.class, "status.connection").getText()
                .startsWith("Connected as " + username));
    }

    /** Fills in the login dialog (not remembering the password) and presses Log In. */
    static void submit(Shell login, String server, String username, String password) {
        run(() -> {
            widget(login, Text.class, "login.server").setText(server);
            widget(login, Text.class, "login.username").setText(username);
            widget(login, Text.class, "login.password").setText(password);
            widget(login, Button.class, "login.remember").setSelection(false);
            click(widget(login, Button.class, "login.ok"));
        });
    }

    /** Logs out through Confab &gt; Log Out unless the login dialog is showing already. */
    static void logOut() {
        if (ui(() -> shell(LoginDialog.SHELL_ID).isPresent())) {
            return;
        }
        later(() -> menuItem(window().getShell().getMenuBar(), "&Confab").flatMap(confab -> {
            Menu menu = confab.getMenu();
            menu.notifyListeners(SWT.Show, new Event());
            return menuItem(menu, "Log &Out");
        }).ifPresent(Ui::click));
        await("the login dialog", () -> shell(LoginDialog.SHELL_ID));
    }

    static Optional<MenuItem> menuItem(Menu menu, String text) {
        return Arrays.stream(menu.getItems()).filter(item -> text.equals(item.getText())).findFirst();
    }
}
