package org.confab.client.ui.tests;

import static org.confab.client.ui.tests.Ui.await;
import static org.confab.client.ui.tests.Ui.shell;
import static org.confab.client.ui.tests.Ui.ui;
import static org.confab.client.ui.tests.Ui.waitUntil;
import static org.confab.client.ui.tests.Ui.widget;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.ServerSocket;
import java.util.UUID;

import org.confab.client.ui.internal.dialogs.LoginDialog;
import org.confab.client.ui.internal.prefs.Preferences;
import org.confab.server.api.AdminActor;
import org.confab.server.api.AdminService;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.custom.CLabel;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * The login dialog takes the nodes of a cluster as a comma-separated list: a node that refuses
 * connections is passed over, the window logs in on the next one and the status line names the node it
 * is connected to; the list is remembered as it was given, and a malformed one is refused with a
 * message that says how to write it.
 */
class ClusterLoginUITest {
    private static final BundleContext CONTEXT = FrameworkUtil.getBundle(ClusterLoginUITest.class).getBundleContext();
    private static final String PASSWORD = "nodes of a cluster";

    @AfterAll
    static void logOut() {
        Sessions.logOut();
    }

    @Test
    void aListedNodeThatRefusesIsPassedOverAndTheStatusLineNamesTheNodeConnectedTo() throws Exception {
        int port = TestServer.port(CONTEXT);
        String user = "node" + UUID.randomUUID().toString().substring(0, 8);
        TestServer.service(CONTEXT, AdminService.class).addUser(AdminActor.console(), user, PASSWORD, "Node User", false);
        String nodes = "127.0.0.1:" + refusingPort() + ",127.0.0.1:" + port;

        Sessions.logOut();
        Sessions.logIn(nodes, user, PASSWORD);

        assertEquals("Connected as " + user + " to 127.0.0.1:" + port,
                ui(() -> widget(Sessions.window().getShell(), CLabel.class, "status.connection").getText()));
        assertEquals(nodes, InstanceScope.INSTANCE.getNode(Preferences.QUALIFIER).get(Preferences.SERVER, ""),
                "the list is remembered as given");
    }

    @Test
    void aMalformedListIsRefusedSayingHowToWriteIt() {
        Sessions.logOut();
        Shell login = await("the login dialog", () -> shell(LoginDialog.SHELL_ID));
        Sessions.submit(login, "127.0.0.1:7777,,127.0.0.1:7778", "nobody", "whatever-it-is");
        waitUntil("the message about the list", () -> errorMessage(login).startsWith("The server address is not valid: "
                + "empty server address in '127.0.0.1:7777,,127.0.0.1:7778'. Use host:port, or for a cluster its nodes "
                + "separated by commas"));
    }

    private static String errorMessage(Shell dialog) {
        return ui(() -> dialog.getData() instanceof TitleAreaDialog d && d.getErrorMessage() != null ? d.getErrorMessage() : "");
    }

    /** A port nothing listens on: connecting to it is refused at once. */
    private static int refusingPort() throws Exception {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }
}
