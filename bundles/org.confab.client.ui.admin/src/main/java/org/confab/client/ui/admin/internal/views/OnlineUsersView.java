package org.confab.client.ui.admin.internal.views;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.confab.client.core.ClientListener;
import org.confab.client.ui.WidgetIds;
import org.confab.client.ui.admin.internal.dialogs.BroadcastDialog;
import org.confab.client.ui.admin.internal.dialogs.KickDialog;
import org.confab.client.ui.admin.internal.model.AdminFormat;
import org.confab.protocol.messages.AdminMessages.OnlineSession;
import org.confab.protocol.messages.Messages.PresenceEntry;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

/**
 * Every logged-in session, live: the list is asked for again as soon as somebody comes or goes (a
 * presence push) and every few seconds for the idle times. Kick closes all sessions of the selected
 * user; Send notice reaches everyone online.
 */
public class OnlineUsersView extends AdminView {
    public static final String ID = "org.confab.client.ui.admin.view.online";
    private static final int IDLE_REFRESH_MILLIS = 5_000;
    /** Presence changes arrive in bursts (a reconnecting office): one request for a burst. */
    private static final int PRESENCE_DELAY_MILLIS = 250;

    private final ZoneId zone = ZoneId.systemDefault();
    private TableViewer viewer;
    private Label summary;
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

        viewer = new TableViewer(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        WidgetIds.name(viewer.getTable(), "online.table");
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).hint(400, 150).applyTo(viewer.getTable());
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        column(viewer, OnlineSession.class, "Username", 100, OnlineSession::username);
        column(viewer, OnlineSession.class, "Address", 125, OnlineSession::address);
        column(viewer, OnlineSession.class, "Logged in", 140, s -> AdminFormat.time(s.loginTime(), zone));
        column(viewer, OnlineSession.class, "Idle", 60, s -> AdminFormat.duration(s.idleSeconds()));
        column(viewer, OnlineSession.class, "Client", 110, s -> s.client() == null ? "" : s.client());
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
        call(admin -> admin.online(), sessions -> {
            Optional<String> keep = selected().map(OnlineSession::username);
            shown = sessions;
            viewer.setInput(sessions);
            keep.flatMap(name -> sessions.stream().filter(s -> s.username().equals(name)).findFirst())
                    .ifPresent(s -> viewer.setSelection(new StructuredSelection(s)));
            long users = sessions.stream().map(OnlineSession::username).distinct().count();
            summary.setText(users + (users == 1 ? " user" : " users") + " online in " + sessions.size()
                    + (sessions.size() == 1 ? " session" : " sessions"));
            summary.getParent().layout();
            kick.setEnabled(selected().isPresent());
        });
    }

    @Override
    void clear() {
        shown = List.of();
        viewer.setInput(shown);
        summary.setText("");
        kick.setEnabled(false);
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
