package org.confab.client.ui.admin.internal.views;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.confab.client.core.AdminClient;
import org.confab.client.ui.WidgetIds;
import org.confab.client.ui.admin.internal.model.ClusterOverview;
import org.confab.protocol.messages.ClusterMessages.NodeEntry;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

/**
 * The nodes of the server's cluster ({@code admin.cluster}, the same as {@code ./confab cli admin
 * cluster} and the console's {@code confab:cluster}): the cluster's health from {@code admin.status} in
 * a line above, then each node with its state, its sessions and where clients reach it, the answering
 * node marked. Refreshed every few seconds, since nodes come and go without telling clients. A server
 * that runs alone says so in the line, and the table stays empty.
 */
public class ClusterView extends AdminView {
    public static final String ID = "org.confab.client.ui.admin.view.cluster";
    private static final int REFRESH_MILLIS = 5_000;

    private TableViewer viewer;
    private Label summary;
    /** The last request sent and the request whose answer is shown; touched on the display thread only. */
    private long asked;
    private long shownTicket;

    @Override
    void createContents(Composite parent) {
        summary = WidgetIds.name(new Label(parent, SWT.WRAP), "cluster.summary");
        GridDataFactory.fillDefaults().grab(true, false).hint(200, SWT.DEFAULT).applyTo(summary);
        viewer = table(parent, "cluster.table", 400, 120);
        column(viewer, NodeEntry.class, "Node", 170, ClusterOverview::name);
        column(viewer, NodeEntry.class, "State", 90, NodeEntry::state);
        column(viewer, NodeEntry.class, "Sessions", 80, node -> Integer.toString(node.sessions()));
        column(viewer, NodeEntry.class, "Client address", 200,
                node -> node.clientAddress() == null ? "\u2013" : node.clientAddress());
        every(REFRESH_MILLIS, this::refresh);
    }

    /**
     * Requests overlap (the timer, Refresh, coming into sight) and a cluster node's answer takes two round
     * trips where a refusal takes one: only an answer newer than the one shown replaces it.
     */
    @Override
    void refresh() {
        long ticket = ++asked;
        call(ClusterView::overview, overview -> {
            if (ticket > shownTicket) {
                shownTicket = ticket;
                show(overview);
            }
        });
    }

    /** The nodes, and for a cluster node also the health its status reports. */
    private static CompletableFuture<ClusterOverview> overview(AdminClient admin) {
        return admin.cluster().thenCompose(report -> report.isEmpty() ? CompletableFuture.completedFuture(ClusterOverview.alone())
                : admin.status().thenApply(status -> new ClusterOverview(report, Optional.ofNullable(status.cluster()))));
    }

    @Override
    void clear() {
        shownTicket = asked; // what was asked before a logout or a refusal is not shown any more
        viewer.setInput(List.of());
        summary.setText("");
    }

    @Override
    public void setFocus() {
        viewer.getTable().setFocus();
    }

    private void show(ClusterOverview overview) {
        viewer.setInput(overview.nodes());
        summary.setText(overview.summary());
        summary.getParent().layout(true, true);
    }
}
