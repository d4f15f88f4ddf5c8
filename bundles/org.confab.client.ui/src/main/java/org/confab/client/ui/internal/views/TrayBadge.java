package org.confab.client.ui.internal.views;

import java.util.Optional;

import org.confab.client.ui.internal.model.UnreadCounter;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Tray;
import org.eclipse.swt.widgets.TrayItem;

/**
 * The tray icon where the desktop has a tray ({@link Display#getSystemTray()} is null elsewhere, and
 * then there is none): a speech bubble with the unread count drawn on it in a red badge, the count in
 * its tooltip, and a click that brings the window up. Follows the {@link UnreadCounter}; disposed with
 * the window.
 */
public final class TrayBadge {
    private static final int SIZE = 32;

    private final Shell shell;
    private final UnreadCounter unread;
    private final TrayItem item;
    private final Runnable update = this::update;
    private Image image;
    private int shownCount = -1;

    private TrayBadge(Shell shell, UnreadCounter unread, TrayItem item) {
        this.shell = shell;
        this.unread = unread;
        this.item = item;
    }

    /** Puts the icon into the tray if there is one; empty when the desktop has none. */
    public static Optional<TrayBadge> install(Shell shell, UnreadCounter unread) {
        Tray tray = shell.getDisplay().getSystemTray();
        if (tray == null) {
            return Optional.empty();
        }
        TrayBadge badge = new TrayBadge(shell, unread, new TrayItem(tray, SWT.NONE));
        badge.item.addListener(SWT.Selection, e -> badge.raise());
        badge.item.addListener(SWT.DefaultSelection, e -> badge.raise());
        unread.addObserver(badge.update);
        shell.addDisposeListener(e -> badge.dispose());
        badge.update();
        return Optional.of(badge);
    }

    public TrayItem item() {
        return item;
    }

    /** The tooltip for a count: "Confab" alone, or with the number of unread messages. */
    public static String tooltip(int count) {
        return count == 0 ? "Confab" : count == 1 ? "Confab \u2014 1 unread message" : "Confab \u2014 " + count + " unread messages";
    }

    private void raise() {
        if (!shell.isDisposed()) {
            shell.setMinimized(false);
            shell.setVisible(true);
            shell.forceActive();
        }
    }

    private void update() {
        int count = unread.total();
        if (item.isDisposed() || count == shownCount) {
            return;
        }
        shownCount = count;
        Image next = draw(shell.getDisplay(), count);
        item.setImage(next);
        item.setToolTipText(tooltip(count));
        if (image != null) {
            image.dispose();
        }
        image = next;
    }

    private void dispose() {
        unread.removeObserver(update);
        if (!item.isDisposed()) {
            item.dispose();
        }
        if (image != null) {
            image.dispose();
        }
    }

    /** A blue speech bubble, and over its corner a red badge with the count ("99+" beyond). */
    static Image draw(Display display, int count) {
        Image drawn = new Image(display, SIZE, SIZE);
        GC gc = new GC(drawn);
        try {
            gc.setAntialias(SWT.ON);
            gc.setBackground(display.getSystemColor(SWT.COLOR_WIDGET_BACKGROUND));
            gc.fillRectangle(0, 0, SIZE, SIZE);
            gc.setBackground(display.getSystemColor(SWT.COLOR_DARK_BLUE));
            gc.fillRoundRectangle(1, 4, 26, 19, 8, 8);
            gc.fillPolygon(new int[] { 6, 21, 13, 21, 5, 29 });
            if (count > 0) {
                String text = count > 99 ? "99+" : Integer.toString(count);
                gc.setBackground(display.getSystemColor(SWT.COLOR_RED));
                gc.fillOval(SIZE - 19, 0, 19, 19);
                FontData data = display.getSystemFont().getFontData()[0];
                Font font = new Font(display, data.getName(), text.length() > 1 ? 6 : 8, SWT.BOLD);
                try {
                    gc.setFont(font);
                    gc.setForeground(display.getSystemColor(SWT.COLOR_WHITE));
                    Point extent = gc.textExtent(text);
                    gc.drawText(text, SIZE - 19 + (19 - extent.x) / 2, (19 - extent.y) / 2, true);
                } finally {
                    font.dispose();
                }
            }
        } finally {
            gc.dispose();
        }
        return drawn;
    }
}
