package org.confab.client.ui.admin.internal.views;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.confab.client.ui.WidgetIds;
import org.confab.client.ui.admin.internal.model.AdminFormat;
import org.confab.protocol.messages.AdminMessages.AuditEntry;
import org.confab.protocol.messages.AdminMessages.AuditQuery;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

/** The server's audit log, newest first: who did what to whom, when and from where; older pages on demand. */
public class AuditLogView extends AdminView {
    public static final String ID = "org.confab.client.ui.admin.view.audit";
    static final int PAGE_SIZE = 100;

    private static final int CATCH_UP_MILLIS = 10_000;
    private final ZoneId zone = ZoneId.systemDefault();
    private final List<AuditEntry> entries = new ArrayList<>();
    private TableViewer viewer;
    private Label summary;
    private Button older;

    @Override
    void createContents(Composite parent) {
        viewer = new TableViewer(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.MULTI);
        WidgetIds.name(viewer.getTable(), "audit.table");
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).hint(500, 120).applyTo(viewer.getTable());
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        column(viewer, AuditEntry.class, "Time", 150, e -> AdminFormat.time(e.timestamp(), zone));
        column(viewer, AuditEntry.class, "Administrator", 110, AuditEntry::actor);
        column(viewer, AuditEntry.class, "Action", 110, AuditEntry::action);
        column(viewer, AuditEntry.class, "Target", 110, e -> e.target() == null ? "" : e.target());
        column(viewer, AuditEntry.class, "From", 120, AuditEntry::address);
        column(viewer, AuditEntry.class, "Details", 360, AuditEntry::details);
        Composite bar = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(bar);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);
        summary = WidgetIds.name(new Label(bar, SWT.NONE), "audit.summary");
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(summary);
        older = AccountsView.button(bar, "Load &older", "audit.older", this::loadOlder);
        older.setEnabled(false);
        // changes by other administrators and the console: new entries appear on top while in sight
        every(CATCH_UP_MILLIS, this::catchUp);
    }

    private void catchUp() {
        if (entries.isEmpty()) {
            refresh();
            return;
        }
        long newest = entries.get(0).id();
        call(admin -> admin.audit(new AuditQuery(null, PAGE_SIZE)), page -> {
            List<AuditEntry> fresh = page.entries().stream().filter(e -> e.id() > newest).toList();
            if (fresh.size() == page.entries().size()) {
                // a full page of news, or the log was emptied: start from the top again
                entries.clear();
                entries.addAll(page.entries());
                show(page.more());
            } else if (!fresh.isEmpty()) {
                entries.addAll(0, fresh);
                show(older.isEnabled());
            }
        });
    }

    @Override
    void refresh() {
        call(admin -> admin.audit(new AuditQuery(null, PAGE_SIZE)), page -> {
            entries.clear();
            entries.addAll(page.entries());
            show(page.more());
        });
    }

    @Override
    void clear() {
        entries.clear();
        show(false);
        summary.setText("");
    }

    /** The entries on screen, newest first, for tests. */
    public List<AuditEntry> shown() {
        return List.copyOf(entries);
    }

    @Override
    public void setFocus() {
        viewer.getTable().setFocus();
    }

    private void loadOlder() {
        if (entries.isEmpty()) {
            refresh();
            return;
        }
        long oldest = entries.get(entries.size() - 1).id();
        call(admin -> admin.audit(new AuditQuery(oldest, PAGE_SIZE)), page -> {
            entries.addAll(page.entries());
            show(page.more());
        });
    }

    private void show(boolean more) {
        viewer.setInput(List.copyOf(entries));
        summary.setText(entries.size() + (entries.size() == 1 ? " entry" : " entries") + (more ? ", older ones on request" : ""));
        summary.getParent().layout();
        older.setEnabled(more);
    }
}
