package org.confab.client.ui.tests;

import static org.confab.client.ui.tests.Ui.column;
import static org.confab.client.ui.tests.Ui.run;
import static org.confab.client.ui.tests.Ui.screenshot;
import static org.confab.client.ui.tests.Ui.ui;
import static org.confab.client.ui.tests.Ui.waitUntil;
import static org.confab.client.ui.tests.Ui.widget;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.confab.protocol.messages.ClusterMessages.ClusterReport;
import org.confab.protocol.messages.ClusterMessages.NodeEntry;
import org.confab.server.api.AdminActor;
import org.confab.server.api.AdminService;
import org.eclipse.jface.action.ActionContributionItem;
import org.eclipse.jface.action.IContributionItem;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * The Admin perspective's Cluster view, the cluster line of Server Status and the Node column of Online
 * Users. Against the real server of this framework, which runs alone: its real {@code UNKNOWN_TYPE}
 * answer to {@code admin.cluster} becomes a plain sentence, not an error, and nothing about nodes is
 * shown. Then a stand-in answers {@code admin.cluster} as a cluster node would, over the real socket: the
 * view lists the nodes with state, sessions and client address and marks the answering node (the picture
 * for docs/admin-cluster.png). A normal user is refused by it like by every administrative request.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminClusterUITest {
    private static final String PASSWORD = "cluster lantern gravel";
    private static final String ADMIN_PERSPECTIVE = "org.confab.client.ui.admin.perspective";
    private static final String CHAT_PERSPECTIVE = "org.confab.client.ui.perspective.chat";
    private static final String CLUSTER_VIEW = "org.confab.client.ui.admin.view.cluster";
    private static final String AUDIT_VIEW = "org.confab.client.ui.admin.view.audit";
    private static final String ALONE = "This server runs alone: not part of a cluster.";
    private static final BundleContext CONTEXT = FrameworkUtil.getBundle(AdminClusterUITest.class).getBundleContext();
    private static final ClusterReport REPORT = new ClusterReport("confab", "n1", List.of(
            new NodeEntry("n1", "SERVING", 2, true, "10.0.0.11:7771"),
            new NodeEntry("n2", "SERVING", 1, false, "10.0.0.12:7771"),
            new NodeEntry("n3", "DEAD", 0, false, null)));

    private static String server;
    private static AdminService admin;
    private static String chief;
    private static String nora;
    private static StandInClusterNode standIn;

    @BeforeAll
    static void accounts() throws Exception {
        server = "127.0.0.1:" + TestServer.port(CONTEXT);
        admin = TestServer.service(CONTEXT, AdminService.class);
        chief = unique("chief");
        nora = unique("nora");
        admin.addUser(AdminActor.console(), chief, PASSWORD, "Cluster Chief", true);
        admin.addUser(AdminActor.console(), nora, PASSWORD, "Nora Normal", false);
    }

    /**
     * Leaves the window as the other test classes expect it: the Audit Log on top of its folder again (the
     * perspective keeps the tab chosen last, and the Audit Log refreshes itself only while in sight), the
     * Chat perspective, the login dialog.
     */
    @AfterAll
    static void close() throws Exception {
        if (standIn != null) {
            standIn.close();
        }
        run(() -> {
            try {
                PlatformUI.getWorkbench().showPerspective(ADMIN_PERSPECTIVE, window());
                window().getActivePage().showView(AUDIT_VIEW);
                PlatformUI.getWorkbench().showPerspective(CHAT_PERSPECTIVE, window());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        Sessions.logOut();
    }

    @Test
    @Order(1)
    void aServerThatRunsAloneSaysSoPlainlyAndShowsNoNodes() {
        Sessions.logOut();
        Sessions.logIn(server, chief, PASSWORD);
        openClusterView();

        waitUntil("the cluster view's answer", () -> label("cluster.summary").getText().equals(ALONE));
        assertFalse(ui(() -> label(CLUSTER_VIEW + ".problem").isVisible()), "running alone is not an error");
        assertEquals(0, (int) ui(() -> table("cluster.table").getItemCount()));
        waitUntil("the status view's cluster line", () -> label("status.cluster").getText().equals("None: this server runs alone"));
        waitUntil("the administrator's own session listed", () -> column(table("online.table"), 0).contains(chief));
        assertEquals("Node", ui(() -> table("online.table").getColumn(5).getText()));
        assertEquals(0, (int) ui(() -> table("online.table").getColumn(5).getWidth()), "no Node column without nodes");
        assertEquals(5, (int) ui(() -> table("online.table").getColumnOrder()[1]), "Node shown right after Username");
        assertFalse(ui(() -> label("online.missing").isVisible()), "no nodes, none missing");
    }

    @Test
    @Order(2)
    void aClusterNodeListsItsNodesWithStateSessionsAndAddressAndMarksItself() throws Exception {
        standIn = new StandInClusterNode(CONTEXT, admin, REPORT);
        refreshClusterView();

        waitUntil("the nodes listed", () -> column(table("cluster.table"), 0).equals(List.of("n1 (this node)", "n2", "n3")));
        assertEquals(List.of(List.of("n1 (this node)", "SERVING", "2", "10.0.0.11:7771"),
                List.of("n2", "SERVING", "1", "10.0.0.12:7771"), List.of("n3", "DEAD", "0", "\u2013")),
                ui(() -> rows(table("cluster.table"))));
        // this framework's server reports no cluster health in its status: the line counts the nodes itself
        assertEquals("Cluster confab: 2 of 3 nodes serving. Answered by n1.", ui(() -> label("cluster.summary").getText()));
        assertFalse(ui(() -> label(CLUSTER_VIEW + ".problem").isVisible()));
        run(() -> screenshot(window().getShell(), "admin-cluster"));
        // answers to requests sent before the node answered (refusals come back at their own pace) change nothing
        assertEquals("Cluster confab: 2 of 3 nodes serving. Answered by n1.", ui(() -> label("cluster.summary").getText()));
        assertEquals(3, (int) ui(() -> table("cluster.table").getItemCount()));
    }

    @Test
    @Order(3)
    void aNormalUserIsRefusedAndSeesNoneOfTheAdministratorsNodes() {
        Sessions.logOut();
        Sessions.logIn(server, nora, PASSWORD);
        openClusterView();
        refreshClusterView();

        waitUntil("the refusal in the cluster view", () -> label(CLUSTER_VIEW + ".problem").isVisible()
                && label(CLUSTER_VIEW + ".problem").getText().startsWith("Not allowed"));
        assertEquals(0, (int) ui(() -> table("cluster.table").getItemCount()));
        assertEquals("", ui(() -> label("cluster.summary").getText()));
    }

    private static void openClusterView() {
        run(() -> {
            try {
                PlatformUI.getWorkbench().showPerspective(ADMIN_PERSPECTIVE, window());
                window().getActivePage().showView(CLUSTER_VIEW);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    /** Runs the view's Refresh button (its tool bar's action), as an administrator would click it. */
    private static void refreshClusterView() {
        run(() -> {
            IViewPart view = window().getActivePage().findView(CLUSTER_VIEW);
            for (IContributionItem item : view.getViewSite().getActionBars().getToolBarManager().getItems()) {
                if (item instanceof ActionContributionItem action && "Refresh".equals(action.getAction().getText())) {
                    action.getAction().run();
                    return;
                }
            }
            throw new AssertionError("no Refresh in the cluster view's tool bar");
        });
    }

    private static List<List<String>> rows(Table table) {
        List<List<String>> rows = new ArrayList<>();
        for (TableItem item : table.getItems()) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < table.getColumnCount(); i++) {
                cells.add(item.getText(i));
            }
            rows.add(cells);
        }
        return rows;
    }

    private static IWorkbenchWindow window() {
        return Sessions.window();
    }

    /** Call on the display thread. */
    private static Table table(String id) {
        return widget(window().getShell(), Table.class, id);
    }

    /** Call on the display thread. */
    private static Label label(String id) {
        return widget(window().getShell(), Label.class, id);
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 6);
    }
}
