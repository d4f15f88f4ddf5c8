package org.confab.client.ui.internal.views;

import org.confab.client.ui.WidgetIds;
import org.confab.client.ui.internal.model.ChatController;
import org.confab.client.ui.internal.model.ConnectionStatus;
import org.eclipse.jface.action.ContributionItem;
import org.eclipse.jface.action.StatusLineLayoutData;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CLabel;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;

/** The connection state in the status line, always visible: a coloured dot and a sentence. */
public final class ConnectionStatusItem extends ContributionItem {
    public static final String ID = "org.confab.client.ui.status.connection";

    private final ChatController controller;
    private final Runnable update = this::refresh;
    private CLabel label;
    private Image ok;
    private Image working;
    private Image problem;

    public ConnectionStatusItem(ChatController controller) {
        super(ID);
        this.controller = controller;
    }

    @Override
    public void fill(Composite parent) {
        label = WidgetIds.name(new CLabel(parent, SWT.SHADOW_NONE), "status.connection");
        StatusLineLayoutData data = new StatusLineLayoutData();
        data.widthHint = 640;
        label.setLayoutData(data);
        Display display = parent.getDisplay();
        ok = dot(display, new Color(30, 160, 60));
        working = dot(display, new Color(230, 160, 20));
        problem = dot(display, new Color(200, 40, 40));
        controller.addConnectionObserver(update);
        label.addDisposeListener(e -> {
            controller.removeConnectionObserver(update);
            ok.dispose();
            working.dispose();
            problem.dispose();
        });
        refresh();
    }

    /** What the status line says, for tests. */
    public String text() {
        return label == null ? "" : label.getText();
    }

    private void refresh() {
        if (label == null || label.isDisposed()) {
            return;
        }
        String user = controller.self().orElse("");
        String server = controller.session().server().map(Object::toString).orElse("no server");
        ConnectionStatus status = ConnectionStatus.of(controller.state(), user, server, controller.stateReason());
        label.setText(status.text());
        label.setToolTipText(status.level() == ConnectionStatus.Level.WORKING
                ? status.text() + "\nMessages you write now are sent when the connection is back." : status.text());
        label.setImage(switch (status.level()) {
            case OK -> ok;
            case WORKING -> working;
            case PROBLEM -> problem;
        });
    }

    private static Image dot(Display display, Color color) {
        Image image = new Image(display, 12, 12);
        GC gc = new GC(image);
        gc.setAntialias(SWT.ON);
        gc.setBackground(display.getSystemColor(SWT.COLOR_WIDGET_BACKGROUND));
        gc.fillRectangle(0, 0, 12, 12);
        gc.setBackground(color);
        gc.fillOval(1, 1, 10, 10);
        gc.dispose();
        return image;
    }
}
