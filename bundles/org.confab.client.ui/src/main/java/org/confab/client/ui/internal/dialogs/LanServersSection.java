package org.confab.client.ui.internal.dialogs;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.confab.client.ui.WidgetIds;
import org.confab.client.ui.internal.views.DisplayExecutor;
import org.confab.discovery.FoundServer;
import org.confab.discovery.LanBrowser;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

/**
 * "Servers on this network" in the login dialog: the Confab servers announced on the LAN with name, address
 * and fingerprint. Browsing runs off the display thread and is bounded ({@link LanBrowser}); picking a row
 * hands the server to the dialog. What is listed is only what the network claimed, which the section says.
 */
final class LanServersSection {
    private final Table table;
    private final Label status;
    private final Button refresh;
    private final DisplayExecutor display;
    private List<FoundServer> servers = List.of();
    /** Between a mouse button or key going down in the table and coming up again. */
    private boolean userChoosing;

    LanServersSection(Composite parent, Consumer<FoundServer> picked) {
        Group group = new Group(parent, SWT.NONE);
        group.setText("Servers on this network");
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(group);
        GridDataFactory.fillDefaults().grab(true, true).span(2, 1).applyTo(group);
        table = WidgetIds.name(new Table(group, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER), "login.lan.servers");
        table.setHeaderVisible(true);
        for (String title : new String[] { "Name", "Address", "Fingerprint" }) {
            new TableColumn(table, SWT.LEFT).setText(title);
        }
        // room for four servers without scrolling; more scroll
        GridDataFactory.fillDefaults().grab(true, true).span(2, 1)
                .hint(560, table.getHeaderHeight() + 4 * table.getItemHeight()).applyTo(table);
        status = WidgetIds.name(new Label(group, SWT.WRAP), "login.lan.status");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(status);
        refresh = WidgetIds.name(new Button(group, SWT.PUSH), "login.lan.refresh");
        refresh.setText("Search Again");
        refresh.addListener(SWT.Selection, e -> search());
        // GTK selects the first row by itself when the table gets the keyboard focus (tabbing in, or the
        // focus moving on when the dialog disables its fields to log in): only a row the user pressed or
        // moved to with the keys replaces what is in the Server field
        table.addListener(SWT.MouseDown, e -> userChoosing = true);
        table.addListener(SWT.KeyDown, e -> userChoosing = true);
        table.addListener(SWT.MouseUp, e -> userChoosing = false);
        table.addListener(SWT.KeyUp, e -> userChoosing = false);
        table.addListener(SWT.Selection, e -> {
            int row = table.getSelectionIndex();
            if (userChoosing && row >= 0 && row < servers.size()) {
                picked.accept(servers.get(row));
            }
        });
        display = new DisplayExecutor(parent.getDisplay());
    }

    /** Listens for announcements in the background and shows what was heard. */
    void search() {
        refresh.setEnabled(false);
        status.setText("Looking for Confab servers on this network\u2026");
        CompletableFuture.supplyAsync(() -> {
            try {
                return LanBrowser.onAllInterfaces().browse(LanBrowser.DEFAULT_TIMEOUT);
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, runnable -> Thread.ofVirtual().name("confab-login-lan").start(runnable))
                .whenComplete((found, error) -> display.execute(() -> show(found, error)));
    }

    private void show(List<FoundServer> found, Throwable error) {
        if (table.isDisposed()) {
            return;
        }
        refresh.setEnabled(true);
        servers = error == null ? found : List.of();
        table.removeAll();
        for (FoundServer server : servers) {
            TableItem item = new TableItem(table, SWT.NONE);
            item.setText(new String[] { server.name(), server.address(),
                    server.fingerprint().map(Object::toString).orElse("none (no TLS)") });
        }
        for (TableColumn column : table.getColumns()) {
            column.pack();
        }
        if (error != null) {
            status.setText("Could not look for servers on this network: " + rootMessage(error));
        } else if (servers.isEmpty()) {
            status.setText("No Confab server announced itself on this network. Type the address instead.");
        } else {
            status.setText("Pick a server to fill in its address. Anyone on the network can announce a server.");
        }
        fit(table.getShell());
    }

    /** Grows the dialog when what it shows no longer fits (a longer status, the fingerprint note). */
    static void fit(org.eclipse.swt.widgets.Shell shell) {
        shell.layout(true, true);
        org.eclipse.swt.graphics.Point wanted = shell.computeSize(SWT.DEFAULT, SWT.DEFAULT);
        org.eclipse.swt.graphics.Point size = shell.getSize();
        if (wanted.x > size.x || wanted.y > size.y) {
            shell.setSize(Math.max(wanted.x, size.x), Math.max(wanted.y, size.y));
        }
    }

    private static String rootMessage(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }

    void setEnabled(boolean enabled) {
        table.setEnabled(enabled);
        refresh.setEnabled(enabled);
    }
}
