package org.confab.client.ui.admin.internal.views;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.confab.client.core.ClientListener;
import org.confab.client.ui.WidgetIds;
import org.confab.client.ui.admin.internal.dialogs.BroadcastDialog;
import org.confab.client.ui.admin.internal.dialogs.KickDialog;
import org.confab.client.ui.admin.internal.model.AdminFormat;
import org.confab.client.ui.admin.internal.model.ClusterOverview;
import org.confab.protocol.messages.AdminMessages.OnlineSession;
import org.confab.protocol.messages.Messages.PresenceEntry;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.TableColumn;

/**
 * Every logged-in session, live: the list is asked for again as soon as somebody comes or goes (a
 * presence push) and every few seconds for the idle times. Kick closes all sessions of the selected
 * user; Send notice reaches everyone online. On a node of a cluster the list covers every node: a Node
 * column says where each session is, and a warning names nodes that did not answer in time.
 */
public class OnlineUsersView extends AdminView {
    public static final String ID = "org.confab.client.ui.admin.view.online";
    private static final int IDLE_REFRESH_MILLIS = 5_000;
    /** Presence changes arrive in bursts (a reconnecting office): one request for a burst. */
    private static final int PRESENCE_DELAY_MILLIS = 250;

    private final ZoneId zone = ZoneId.systemDefault();
    private TableViewer viewer;
    private static final int NODE_WIDTH = 90;

    private Label summary;
    private Label missing;
    private TableColumn node;
    private Button kick;
    private List<OnlineSession> shown = List.of();
    private boolean refreshPending;
    private final ClientListener presence = new ClientListener() {
        @Override
        public void onPresence(PresenceEntry entry) {
            onDisplay(OnlineUsersView.this::refreshSoon);
        }
    };

    @Override
    void createContents(Composite parent) {
        Composite bar = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(3).applyTo(bar);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);
        summary = WidgetIds.name(new Label(bar, SWT.NONE), "online.summary");
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(summary);
        kick = AccountsView.button(bar, "&Kick\u2026", "online.kick", this::kickSelected);
        AccountsView.button(bar, "Send &notice\u2026", "online.broadcast", this::broadcast);
        // in a cluster, nodes that did not answer in time: their sessions are missing from the table
        missing = WidgetIds.name(new Label(parent, SWT.WRAP), "online.missing");
        missing.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        GridDataFactory.fillDefaults().grab(true, false).hint(200, SWT.DEFAULT).exclude(true).applyTo(missing);
        missing.setVisible(false);

        viewer = table(parent, "online.table", 400, 150);
        column(viewer, OnlineSession.class, "Username", 100, OnlineSession::username);
        column(viewer, OnlineSession.class, "Address", 125, OnlineSession::address);
        column(viewer, OnlineSession.class, "Logged in", 140, s -> AdminFormat.time(s.loginTime(), zone));
        column(viewer, OnlineSession.class, "Idle", 60, s -> AdminFormat.duration(s.idleSeconds()));
        column(viewer, OnlineSession.class, "Client", 110, s -> s.client() == null ? "" : s.client());
        // shown only when the server is a node of a cluster and names the node of each session
        node = column(viewer, OnlineSession.class, "Node", 0, s -> s.node() == null ? "" : s.node()).getColumn();
        node.setResizable(false);
        // shown right after the username: as the last column it was off the edge of a narrow view
        viewer.getTable().setColumnOrder(new int[] { 0, 5, 1, 2, 3, 4 });
        viewer.addSelectionChangedListener(e -> kick.setEnabled(selected().isPresent()));
        kick.setEnabled(false);
        every(IDLE_REFRESH_MILLIS, this::refresh);
    }

    @Override
    Optional<ClientListener> sessionListener() {
        return Optional.of(presence);
    }

    @Override
    void refresh() {
        call(admin -> admin.sessions(), online -> {
            List<OnlineSession> sessions = online.sessions();
            Optional<String> keep = selected().map(OnlineSession::username);
            shown = sessions;
            showNodes(sessions);
            viewer.setInput(sessions);
            keep.flatMap(name -> sessions.stream().filter(s -> s.username().equals(name)).findFirst())
                    .ifPresent(s -> viewer.setSelection(new StructuredSelection(s)));
            long users = sessions.stream().map(OnlineSession::username).distinct().count();
            long nodes = sessions.stream().map(OnlineSession::node).filter(Objects::nonNull).distinct().count();
            summary.setText(users + (users == 1 ? " user" : " users") + " online in " + sessions.size()
                    + (sessions.size() == 1 ? " session" : " sessions")
                    + (nodes == 0 ? "" : " on " + nodes + (nodes == 1 ? " node" : " nodes")));
            summary.getParent().layout();
            showMissing(ClusterOverview.missing(online.missingNodes()));
            kick.setEnabled(selected().isPresent());
        });
    }

    @Override
    void clear() {
        shown = List.of();
        viewer.setInput(shown);
        summary.setText("");
        showMissing(Optional.empty());
        kick.setEnabled(false);
    }

    /** The Node column takes room only when some session names its node. */
    private void showNodes(List<OnlineSession> sessions) {
        boolean any = sessions.stream().anyMatch(s -> s.node() != null);
        if (any != node.getResizable()) {
            node.setWidth(any ? NODE_WIDTH : 0);
            node.setResizable(any);
        }
    }

    private void showMissing(Optional<String> warning) {
        missing.setText(warning.orElse(""));
        missing.setVisible(warning.isPresent());
        ((GridData) missing.getLayoutData()).exclude = warning.isEmpty();
        missing.getParent().layout(true, true);
    }

    /** The sessions on screen, for tests. */
    public List<OnlineSession> shown() {
        return shown;
    }

    /** Selects the first session of a user, for tests. */
    public boolean select(String username) {
        Optional<OnlineSession> row = shown.stream().filter(s -> s.username().equals(username)).findFirst();
        row.ifPresent(s -> viewer.setSelection(new StructuredSelection(s), true));
        return row.isPresent();
    }

    @Override
    public void setFocus() {
        viewer.getTable().setFocus();
    }

    private void refreshSoon() {
        if (refreshPending) {
            return;
        }
        refreshPending = true;
        viewer.getTable().getDisplay().timerExec(PRESENCE_DELAY_MILLIS, () -> {
            refreshPending = false;
            if (!viewer.getTable().isDisposed()) {
                refresh();
            }
        });
    }

    private void kickSelected() {
        selected().ifPresent(session -> withAdmin(admin -> {
            if (new KickDialog(getSite().getShell(), admin, session.username()).open() == Window.OK) {
                announceChange();
                refresh();
            }
        }));
    }

    private void broadcast() {
        withAdmin(admin -> {
            if (new BroadcastDialog(getSite().getShell(), admin).open() == Window.OK) {
                announceChange();
            }
        });
    }

    private Optional<OnlineSession> selected() {
        Object first = ((IStructuredSelection) viewer.getSelection()).getFirstElement();
        return first instanceof OnlineSession session ? Optional.of(session) : Optional.empty();
    }
}
