package org.confab.client.ui.admin.internal.views;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.confab.client.core.ClientListener;
import org.confab.client.ui.WidgetIds;
import org.confab.client.ui.admin.internal.model.AdminFormat;
import org.confab.client.ui.admin.internal.model.ClusterOverview;
import org.confab.protocol.messages.AdminMessages.StatusReport;
import org.confab.protocol.messages.Messages.PresenceEntry;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

/**
 * The server at a glance, refreshed every few seconds: uptime, sessions, messages today, database, memory,
 * and the cluster's health when the server is a node of one.
 */
public class ServerStatusView extends AdminView {
    public static final String ID = "org.confab.client.ui.admin.view.status";
    private static final int REFRESH_MILLIS = 5_000;

    private final ZoneId zone = ZoneId.systemDefault();
    private final Map<String, Label> values = new LinkedHashMap<>();
    private Composite grid;

    @Override
    void createContents(Composite parent) {
        grid = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).spacing(16, 4).applyTo(grid);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(grid);
        for (String[] row : new String[][] { { "uptime", "Up for:" }, { "started", "Started:" },
                { "users", "Users online:" }, { "sessions", "Sessions:" }, { "connections", "Connections:" },
                { "accounts", "Accounts:" }, { "messages", "Messages today:" }, { "database", "Database:" },
                { "heap", "Memory (heap):" }, { "cluster", "Cluster:" } }) {
            new Label(grid, SWT.NONE).setText(row[1]);
            Label value = WidgetIds.name(new Label(grid, SWT.NONE), "status." + row[0]);
            value.setText("\u2013");
            GridDataFactory.fillDefaults().grab(true, false).applyTo(value);
            values.put(row[0], value);
        }
        every(REFRESH_MILLIS, this::refresh);
    }

    /** Sessions and users online change with presence: show them at once, not at the next tick. */
    @Override
    Optional<ClientListener> sessionListener() {
        return Optional.of(new ClientListener() {
            @Override
            public void onPresence(PresenceEntry entry) {
                onDisplay(ServerStatusView.this::refresh);
            }
        });
    }

    @Override
    void refresh() {
        call(admin -> admin.status(), this::show);
    }

    @Override
    void clear() {
        values.values().forEach(value -> value.setText("\u2013"));
    }

    @Override
    public void setFocus() {
        grid.setFocus();
    }

    private void show(StatusReport status) {
        values.get("uptime").setText(AdminFormat.duration(status.uptimeSeconds()));
        values.get("started").setText(AdminFormat.time(status.startedAt(), zone));
        values.get("users").setText(Integer.toString(status.usersOnline()));
        values.get("sessions").setText(Integer.toString(status.sessionsOnline()));
        values.get("connections").setText(Integer.toString(status.connections()));
        values.get("accounts").setText(Long.toString(status.accounts()));
        values.get("messages").setText(Long.toString(status.messagesToday()));
        values.get("database").setText(status.database());
        values.get("heap").setText(AdminFormat.bytes(status.heapUsedBytes()) + " of " + AdminFormat.bytes(status.heapMaxBytes()));
        values.get("cluster").setText(ClusterOverview.status(Optional.ofNullable(status.cluster())));
        grid.layout();
    }
}
