package org.confab.client.ui.internal.views;

import java.util.Optional;
import java.util.function.Supplier;

import org.confab.client.ui.WidgetIds;
import org.confab.client.ui.internal.model.Links;
import org.confab.client.ui.internal.model.TranscriptRows.Message;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;

/**
 * The context menu of a message: Copy (the selection, or the whole message), Copy Link (the link under
 * the pointer, or the message's first), Reply with Quote. Its items are made when it opens, so they
 * always speak of the row's current message and of what is selected.
 */
final class MessageMenu {
    static final String ID = "conversation.row.menu";
    private final Supplier<Message> message;
    private final RowActions actions;

    MessageMenu(Supplier<Message> message, RowActions actions) {
        this.message = message;
        this.actions = actions;
    }

    /** Gives the control the menu; its items are made again each time it opens. */
    void attach(Control control) {
        Menu menu = WidgetIds.name(new Menu(control), ID);
        control.setMenu(menu);
        Point[] pointer = new Point[1];
        control.addListener(SWT.MenuDetect, event -> pointer[0] = event.detail == SWT.MENU_MOUSE
                ? new Point(event.x, event.y) : null);
        menu.addListener(SWT.Show, event -> fill(menu, control, Optional.ofNullable(pointer[0])));
    }

    private void fill(Menu menu, Control control, Optional<Point> pointer) {
        for (MenuItem old : menu.getItems()) {
            old.dispose();
        }
        Message row = message.get();
        String text = row.line().text();
        String selected = control instanceof StyledText styled ? styled.getSelectionText() : "";
        Optional<String> link = pointer.flatMap(at -> linkAt(control, at))
                .or(() -> Links.find(text).stream().findFirst().map(Links.Link::target));
        item(menu, selected.isEmpty() ? "&Copy Message" : "&Copy", true,
                () -> actions.copy(selected.isEmpty() ? text : selected));
        item(menu, "Copy &Link", link.isPresent(), () -> link.ifPresent(actions::copy));
        new MenuItem(menu, SWT.SEPARATOR);
        item(menu, "&Reply with Quote", true, () -> actions.quote(row));
    }

    private static Optional<String> linkAt(Control control, Point onDisplay) {
        if (!(control instanceof StyledText styled)) {
            return Optional.empty();
        }
        int offset = styled.getOffsetAtPoint(styled.toControl(onDisplay));
        return offset < 0 ? Optional.empty() : Links.at(styled.getText(), offset).map(Links.Link::target);
    }

    private static void item(Menu menu, String label, boolean enabled, Runnable action) {
        MenuItem item = new MenuItem(menu, SWT.PUSH);
        item.setText(label);
        item.setEnabled(enabled);
        item.addListener(SWT.Selection, e -> action.run());
    }
}
