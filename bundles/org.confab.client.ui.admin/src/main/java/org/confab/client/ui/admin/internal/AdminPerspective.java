package org.confab.client.ui.admin.internal;

import org.confab.client.ui.admin.internal.views.AccountsView;
import org.confab.client.ui.admin.internal.views.AuditLogView;
import org.confab.client.ui.admin.internal.views.ClusterView;
import org.confab.client.ui.admin.internal.views.OnlineUsersView;
import org.confab.client.ui.admin.internal.views.PluginsView;
import org.confab.client.ui.admin.internal.views.ServerStatusView;
import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/**
 * Accounts on top, online users and server status beside them, the audit log below with the server's
 * plugins and the cluster's nodes as tabs beside it (they want the width, and are looked at now and
 * then); no editor area.
 */
public class AdminPerspective implements IPerspectiveFactory {
    public static final String ID = "org.confab.client.ui.admin.perspective";
    private static final String FOLDER_BELOW = "org.confab.client.ui.admin.folder.below";

    @Override
    public void createInitialLayout(IPageLayout layout) {
        layout.setEditorAreaVisible(false);
        String editors = layout.getEditorArea();
        layout.addView(AccountsView.ID, IPageLayout.TOP, 0.62f, editors);
        layout.addView(OnlineUsersView.ID, IPageLayout.RIGHT, 0.58f, AccountsView.ID);
        // the status has ten rows, the cluster's health last: a little more height than the online users get
        layout.addView(ServerStatusView.ID, IPageLayout.BOTTOM, 0.55f, OnlineUsersView.ID);
        IFolderLayout below = layout.createFolder(FOLDER_BELOW, IPageLayout.BOTTOM, 0.62f, AccountsView.ID);
        below.addView(AuditLogView.ID);
        below.addView(PluginsView.ID);
        below.addView(ClusterView.ID);
        for (String id : new String[] { AccountsView.ID, OnlineUsersView.ID, ServerStatusView.ID, AuditLogView.ID,
                PluginsView.ID, ClusterView.ID }) {
            layout.getViewLayout(id).setCloseable(false);
        }
    }
}
