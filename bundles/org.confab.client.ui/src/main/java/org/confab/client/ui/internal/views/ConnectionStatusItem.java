package org.confab.client.ui.internal.views;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

import org.confab.client.ui.WidgetIds;
import org.confab.client.ui.ServerAddress;
import org.confab.client.ui.internal.model.ChatController;
import org.confab.client.ui.internal.model.ConnectionStatus;
import org.eclipse.jface.action.ContributionItem;
import org.eclipse.jface.action.StatusLineLayoutData;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CLabel;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;

/**
 * The connection state in the status line, always visible: a coloured dot and a sentence. The dot is a
 * widget of its own, so a long sentence can never push it out, and the item is as wide as its
 * sentence, so the sentence is never cut; the library's own words for a cause are in the tooltip.
 */
public final class ConnectionStatusItem extends ContributionItem {
    public static final String ID = "org.confab.client.ui.status.connection";

    private final ChatController controller;
    private final Runnable update = this::refresh;
    private Composite box;
    private Label dot;
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
        box = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).spacing(4, 0).applyTo(box);
        box.setLayoutData(new StatusLineLayoutData());
        dot = WidgetIds.name(new Label(box, SWT.NONE), "status.dot");
        GridDataFactory.swtDefaults().align(SWT.CENTER, SWT.CENTER).hint(12, 12).applyTo(dot);
        label = WidgetIds.name(new CLabel(box, SWT.SHADOW_NONE), "status.connection");
        GridDataFactory.fillDefaults().grab(true, true).align(SWT.FILL, SWT.CENTER).applyTo(label);
        Display display = parent.getDisplay();
        ok = dot(display, new Color(30, 160, 60));
        working = dot(display, new Color(230, 160, 20));
        problem = dot(display, new Color(200, 40, 40));
        controller.addConnectionObserver(update);
        box.addDisposeListener(e -> {
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
        // the node connected to; while not connected, the servers (a cluster's nodes) being tried
        String server = controller.session().node().map(Object::toString)
                .orElseGet(() -> controller.session().servers().isEmpty() ? "no server"
                        : ServerAddress.format(controller.session().servers()));
        Optional<ZonedDateTime> since = controller.stateSince() == 0 ? Optional.empty()
                : Optional.of(ZonedDateTime.ofInstant(Instant.ofEpochMilli(controller.stateSince()), ZoneId.systemDefault()));
        ConnectionStatus status = ConnectionStatus.of(controller.state(), user, server, controller.stateReason(), since);
        label.setText(status.text());
        String tip = status.level() == ConnectionStatus.Level.WORKING
                ? status.text() + "\nMessages you write now are sent when the connection is back." : status.text();
        tip = status.details().isEmpty() ? tip : tip + "\nDetails: " + status.details();
        label.setToolTipText(tip);
        dot.setToolTipText(tip);
        dot.setImage(switch (status.level()) {
            case OK -> ok;
            case WORKING -> working;
            case PROBLEM -> problem;
        });
        // the status line gives each item its preferred width: lay it out again for the new sentence
        box.getParent().layout(true, true);
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
