package org.confab.client.ui.tests;

import static org.confab.client.ui.tests.Ui.press;
import static org.confab.client.ui.tests.Ui.run;
import static org.confab.client.ui.tests.Ui.ui;
import static org.confab.client.ui.tests.Ui.waitUntil;
import static org.confab.client.ui.tests.Ui.widget;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.UUID;

import org.confab.client.ui.internal.views.ContactsView;
import org.confab.client.ui.internal.views.ConversationEditor;
import org.confab.server.api.AdminActor;
import org.confab.server.api.AdminService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IEditorPart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/** From the contact filter to a conversation without the mouse: real key presses on the real window. */
class KeyboardUITest {
    private static final String PASSWORD = "keyboard otter lantern";
    private static final BundleContext CONTEXT = FrameworkUtil.getBundle(KeyboardUITest.class).getBundleContext();

    /** What both Dora's and Doris's usernames contain, and nobody else's. */
    private static String tag;
    private static String doris;

    @BeforeAll
    static void logIn() throws Exception {
        int port = TestServer.port(CONTEXT);
        AdminService admin = TestServer.service(CONTEXT, AdminService.class);
        String alice = unique("alice");
        tag = unique("");
        String dora = "dora" + tag;
        doris = "doris" + tag;
        admin.addUser(AdminActor.console(), alice, PASSWORD, "Alice Keys", false);
        admin.addUser(AdminActor.console(), dora, PASSWORD, "Dora Keys", false);
        admin.addUser(AdminActor.console(), doris, PASSWORD, "Doris Keys", false);
        Sessions.logOut();
        Sessions.logIn("127.0.0.1:" + port, alice, PASSWORD);
        run(() -> Sessions.window().getShell().forceActive());
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
    void enterInTheFilterOpensTheFirstContactItLeaves() {
        Text filter = typeInFilter(doris);
        waitUntil("only Doris in the list", () -> contacts().shown().size() == 1);
        press(SWT.CR, '\r');
        waitUntil("Doris's conversation", () -> doris.equals(activeConversation()));
        assertEquals("", ui(filter::getText).replace(doris, ""), "the filter changed");
    }

    @Test
    void downMovesIntoTheListAndEnterOpensTheSelectedContact() {
        typeInFilter(tag);
        waitUntil("Dora and Doris in the list", () -> contacts().shown().size() == 2);
        Table table = ui(() -> widget(Sessions.window().getShell(), Table.class, "contacts.table"));
        // the list keeps a row selected before (the contact last opened), else Down selects the first
        int selected = Math.max(0, ui(table::getSelectionIndex));
        press(SWT.ARROW_DOWN, '\0');
        waitUntil("the list focused on row " + selected, () -> table.isFocusControl() && table.getSelectionIndex() == selected);
        int other = 1 - selected;
        press(other == 1 ? SWT.ARROW_DOWN : SWT.ARROW_UP, '\0');
        waitUntil("row " + other, () -> table.getSelectionIndex() == other);
        String chosen = ui(() -> contacts().shown().get(other).username());
        press(SWT.CR, '\r');
        waitUntil("the chosen contact's conversation", () -> chosen.equals(activeConversation()));

        typeInFilter(tag);
        press(SWT.ARROW_DOWN, '\0');
        waitUntil("the list focused", table::isFocusControl);
        if (ui(table::getSelectionIndex) > 0) {
            press(SWT.ARROW_UP, '\0');
            waitUntil("the top row", () -> table.getSelectionIndex() == 0);
        }
        press(SWT.ARROW_UP, '\0');
        Text filter = ui(() -> widget(Sessions.window().getShell(), Text.class, "contacts.filter"));
        waitUntil("Up from the top row back in the filter", filter::isFocusControl);
    }

    private static Text typeInFilter(String text) {
        Text filter = ui(() -> {
            Sessions.window().getActivePage().activate(contacts());
            Text field = widget(Sessions.window().getShell(), Text.class, "contacts.filter");
            field.setFocus();
            field.setText(text);
            return field;
        });
        waitUntil("the filter focused", filter::isFocusControl);
        return filter;
    }

    private static ContactsView contacts() {
        return (ContactsView) Sessions.window().getActivePage().findView(ContactsView.ID);
    }

    /** The peer of the active conversation, or "" when no conversation is active. Display thread. */
    private static String activeConversation() {
        IEditorPart editor = Sessions.window().getActivePage().getActiveEditor();
        return editor instanceof ConversationEditor conversation && editor == Sessions.window().getActivePage().getActivePart()
                ? conversation.peer() : "";
    }
}
