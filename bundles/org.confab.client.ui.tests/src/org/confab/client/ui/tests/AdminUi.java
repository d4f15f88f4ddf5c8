package org.confab.client.ui.tests;

import static org.confab.client.ui.tests.Ui.click;
import static org.confab.client.ui.tests.Ui.run;
import static org.confab.client.ui.tests.Ui.ui;
import static org.confab.client.ui.tests.Ui.waitUntil;
import static org.confab.client.ui.tests.Ui.widget;

import java.util.Arrays;
import java.util.Optional;

import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;

/** The Admin perspective as its UI tests see it: the menu that opens it, its views' widgets and dialogs. */
final class AdminUi {
    static final String ADMIN_PERSPECTIVE = "org.confab.client.ui.admin.perspective";
    static final String CHAT_PERSPECTIVE = "org.confab.client.ui.perspective.chat";
    static final String PLUGINS_VIEW = "org.confab.client.ui.admin.view.plugins";
    static final String AUDIT_VIEW = "org.confab.client.ui.admin.view.audit";

    private AdminUi() {
    }

    /** Waits for the Admin menu (an administrator is logged in) and opens the Administration perspective from it. */
    static void openAdministration() {
        waitUntil("the Admin menu", () -> adminMenu().isPresent());
        openFromAdminMenu("&Administration");
        waitUntil("the Administration perspective", () -> ADMIN_PERSPECTIVE.equals(perspective()));
    }

    static void openFromAdminMenu(String label) {
        run(() -> {
            Menu menu = adminMenu().orElseThrow().getMenu();
            menu.notifyListeners(SWT.Show, new Event());
            click(Sessions.menuItem(menu, label).orElseThrow(() -> new AssertionError("no menu item " + label)));
            menu.notifyListeners(SWT.Hide, new Event());
        });
    }

    /** The Admin menu of the menu bar, if it is shown. Call on the display thread. */
    static Optional<MenuItem> adminMenu() {
        Menu bar = Sessions.window().getShell().getMenuBar();
        bar.notifyListeners(SWT.Show, new Event());
        return Sessions.menuItem(bar, "&Admin");
    }

    static String perspective() {
        var page = Sessions.window().getActivePage();
        return page == null || page.getPerspective() == null ? "" : page.getPerspective().getId();
    }

    /** Call on the display thread. */
    static Table table(String id) {
        return widget(Sessions.window().getShell(), Table.class, id);
    }

    /** A button of the window, by id. Call on the display thread. */
    static Button windowButton(String id) {
        return widget(Sessions.window().getShell(), Button.class, id);
    }

    /** Call on the display thread. */
    static Label label(String id) {
        return widget(Sessions.window().getShell(), Label.class, id);
    }

    /** The cells of the row whose first column is {@code key}. Call on the display thread. */
    static String[] row(Table table, String key) {
        for (var item : table.getItems()) {
            if (key.equals(item.getText(0))) {
                String[] cells = new String[table.getColumnCount()];
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = item.getText(i);
                }
                return cells;
            }
        }
        String[] none = new String[table.getColumnCount()];
        Arrays.fill(none, "");
        return none;
    }

    /** A title-area dialog's message. Call on the display thread. */
    static String message(Shell dialog) {
        return dialog.getData() instanceof TitleAreaDialog d ? d.getMessage() : "";
    }

    static String errorMessage(Shell dialog) {
        return ui(() -> dialog.getData() instanceof TitleAreaDialog d && d.getErrorMessage() != null ? d.getErrorMessage() : "");
    }
}
