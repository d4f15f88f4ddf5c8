package org.confab.client.ui.internal.views;

import org.confab.client.ui.WidgetIds;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;

/**
 * A small popup in the bottom-right corner of the screen for a message that arrived while the window
 * was not focused; a click opens the conversation. Closes itself after a few seconds. Only the newest
 * popup is shown.
 */
final class NotificationPopup {
    public static final String SHELL_ID = "notification";
    private static final int SHOW_MILLIS = 6000;
    private static final int PREVIEW = 140;
    private static final Color BACKGROUND = new Color(255, 255, 255);
    private static final Color TEXT = new Color(30, 30, 30);
    private static final Color BORDER = new Color(90, 130, 200);

    private NotificationPopup() {
    }

    static Shell show(Display display, String title, String text, Runnable onClick) {
        closeAll(display);
        Shell popup = WidgetIds.name(new Shell(display, SWT.ON_TOP | SWT.NO_TRIM | SWT.TOOL), SHELL_ID);
        popup.setBackground(BACKGROUND);
        popup.setForeground(TEXT);
        GridLayoutFactory.fillDefaults().margins(12, 10).applyTo(popup);
        popup.addListener(SWT.Paint, e -> {
            e.gc.setForeground(BORDER);
            Rectangle area = popup.getClientArea();
            e.gc.drawRectangle(0, 0, area.width - 1, area.height - 1);
        });
        Label heading = label(popup, title);
        heading.setFont(JFaceResources.getBannerFont());
        Label body = label(popup, text.length() > PREVIEW ? text.substring(0, PREVIEW) + "\u2026" : text);
        GridDataFactory.fillDefaults().hint(300, SWT.DEFAULT).applyTo(body);
        for (Control control : new Control[] { popup, heading, body }) {
            control.addListener(SWT.MouseUp, e -> {
                popup.dispose();
                onClick.run();
            });
        }
        Point size = popup.computeSize(SWT.DEFAULT, SWT.DEFAULT);
        Rectangle screen = display.getPrimaryMonitor().getClientArea();
        popup.setBounds(screen.x + screen.width - size.x - 16, screen.y + screen.height - size.y - 16, size.x, size.y);
        popup.setVisible(true);
        display.timerExec(SHOW_MILLIS, () -> {
            if (!popup.isDisposed()) {
                popup.dispose();
            }
        });
        return popup;
    }

    /** Closes any popup showing, for example one with the previous user's message at logout. */
    static void closeAll(Display display) {
        for (Shell shell : display.getShells()) {
            if (SHELL_ID.equals(shell.getData(WidgetIds.KEY))) {
                shell.dispose();
            }
        }
    }

    private static Label label(Composite parent, String text) {
        Label label = new Label(parent, SWT.WRAP);
        label.setText(text);
        label.setBackground(BACKGROUND);
        label.setForeground(TEXT);
        return label;
    }
}
