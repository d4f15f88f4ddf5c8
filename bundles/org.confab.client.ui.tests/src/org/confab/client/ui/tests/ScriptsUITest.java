package org.confab.client.ui.tests;

import static org.confab.client.ui.tests.Ui.run;
import static org.confab.client.ui.tests.Ui.screenshot;
import static org.confab.client.ui.tests.Ui.ui;
import static org.confab.client.ui.tests.Ui.waitUntil;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.confab.client.core.ClientOptions;
import org.confab.client.core.ConfabClient;
import org.confab.client.core.ServerTrust;
import org.confab.client.ui.internal.views.ConversationEditor;
import org.confab.client.ui.internal.views.Workbench;
import org.confab.server.api.AdminActor;
import org.confab.server.api.AdminService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * Chinese, Arabic and emoji in names and messages, end to end. Whether they draw as letters or as boxes
 * depends on the fonts installed (README, .ci/run): the screenshot client-scripts.png is the check.
 */
class ScriptsUITest {
    private static final BundleContext CONTEXT = FrameworkUtil.getBundle(ScriptsUITest.class).getBundleContext();
    private static final String PASSWORD = "many scripts here";
    static final List<String> MESSAGES = List.of("\u4F60\u597D\uFF01\u4ECA\u5929\u4E0B\u5348\u4E09\u70B9\u5F00\u4F1A\u3002",
            "\u0645\u0631\u062D\u0628\u0627\u060C \u0647\u0644 \u0627\u0644\u062A\u0642\u0631\u064A\u0631 \u062C\u0627\u0647\u0632\u061F",
            "Great work \uD83C\uDF89\uD83D\uDC4D\u2615", "\u3053\u3093\u306B\u3061\u306F \uC548\uB155\uD558\uC138\uC694 \u05E9\u05DC\u05D5\u05DD");

    private static String server;
    private static String li;
    private static String amal;

    @BeforeAll
    static void accounts() throws Exception {
        int port = TestServer.port(CONTEXT);
        server = "127.0.0.1:" + port;
        AdminService admin = TestServer.service(CONTEXT, AdminService.class);
        li = unique("li");
        amal = unique("amal");
        admin.addUser(AdminActor.console(), li, PASSWORD, "\u674E\u534E Li Hua", false);
        admin.addUser(AdminActor.console(), amal, PASSWORD, "\u0623\u0645\u0644 Amal", false);
        try (ConfabClient sender = new ConfabClient(ClientOptions.of("127.0.0.1", port).withTrust(ServerTrust.plain()))) {
            sender.connect().get(10, TimeUnit.SECONDS);
            sender.login(amal, PASSWORD).get(10, TimeUnit.SECONDS);
            for (String text : MESSAGES) {
                sender.send(li, text).get(10, TimeUnit.SECONDS);
            }
        }
    }

    @AfterAll
    static void logOutAgain() {
        Sessions.logOut();
    }

    @Test
    void chineseArabicAndEmojiArriveWhole() {
        Sessions.logOut();
        Sessions.logIn(server, li, PASSWORD);
        ConversationEditor conversation = ui(() -> Workbench.openConversation(Sessions.window(), amal, true).orElseThrow());
        waitUntil("every message shown", () -> MESSAGES.stream().allMatch(conversation.transcriptText()::contains));
        run(() -> screenshot(Sessions.window().getShell(), "client-scripts"));
    }

    private static String unique(String prefix) {
        return (prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 8)).toLowerCase(Locale.ROOT);
    }
}
