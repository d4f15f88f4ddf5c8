package org.confab.client.ui.tests;

import static org.confab.client.ui.tests.Ui.run;
import static org.confab.client.ui.tests.Ui.ui;

import java.util.concurrent.TimeUnit;

import org.confab.client.core.ClientListener;
import org.confab.client.core.ClientOptions;
import org.confab.client.core.ConfabClient;
import org.confab.client.core.ServerTrust;
import org.confab.client.ui.internal.views.ConversationEditor;
import org.confab.client.ui.internal.views.Workbench;
import org.confab.server.api.AdminActor;
import org.confab.server.api.AdminService;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * The cast of a conversation test: two fresh accounts on the test server, Bob logged in through the
 * client library (his listener added before he connects, so he hears everything from his login on)
 * and Alice in the real window.
 */
final class AliceAndBob {
    private static final BundleContext CONTEXT = FrameworkUtil.getBundle(AliceAndBob.class).getBundleContext();

    /** The test server's address as the login dialog takes it. */
    final String server;
    final String alice;
    final String bob;
    final ConfabClient bobLibrary;
    private final String password;

    private AliceAndBob(String server, String alice, String bob, ConfabClient bobLibrary, String password) {
        this.server = server;
        this.alice = alice;
        this.bob = bob;
        this.bobLibrary = bobLibrary;
        this.password = password;
    }

    /** Creates both accounts (with the display names given) and logs Bob in; Alice is not logged in yet. */
    static AliceAndBob bobLoggedIn(String password, String aliceName, String bobName) throws Exception {
        return bobLoggedIn(password, aliceName, bobName, new ClientListener() {
        });
    }

    /** As {@link #bobLoggedIn(String, String, String)}, with what Bob hears going to {@code bobHears}. */
    static AliceAndBob bobLoggedIn(String password, String aliceName, String bobName, ClientListener bobHears)
            throws Exception {
        int port = TestServer.port(CONTEXT);
        AdminService admin = TestServer.service(CONTEXT, AdminService.class);
        String alice = TestServer.newUsername("alice");
        String bob = TestServer.newUsername("bob");
        admin.addUser(AdminActor.console(), alice, password, aliceName, false);
        admin.addUser(AdminActor.console(), bob, password, bobName, false);
        ConfabClient bobLibrary = new ConfabClient(ClientOptions.of("127.0.0.1", port).withTrust(ServerTrust.plain()));
        try {
            bobLibrary.addListener(bobHears);
            bobLibrary.connect().get(10, TimeUnit.SECONDS);
            bobLibrary.login(bob, password).get(10, TimeUnit.SECONDS);
        } catch (Exception | AssertionError e) {
            bobLibrary.close();
            throw e;
        }
        return new AliceAndBob("127.0.0.1:" + port, alice, bob, bobLibrary, password);
    }

    /** Logs the window out (whoever was in) and in as Alice. */
    void aliceLogsIn() {
        Sessions.logOut();
        Sessions.logIn(server, alice, password);
    }

    /** Alice's conversation with Bob, opened and brought to the front in the window. */
    ConversationEditor aliceOpensBob() {
        return ui(() -> Workbench.openConversation(Sessions.window(), bob, true).orElseThrow());
    }

    /**
     * Closes Bob's library, the window's editors, and logs the window out; {@code cast} is null when the
     * setup failed before Bob was logged in.
     */
    static void leave(AliceAndBob cast) {
        if (cast != null) {
            cast.bobLibrary.close();
        }
        run(() -> Sessions.window().getActivePage().closeAllEditors(false));
        Sessions.logOut();
    }
}
