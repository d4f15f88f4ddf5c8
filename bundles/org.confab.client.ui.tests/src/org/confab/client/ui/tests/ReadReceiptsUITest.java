package org.confab.client.ui.tests;

import static org.confab.client.ui.tests.Ui.run;
import static org.confab.client.ui.tests.Ui.ui;
import static org.confab.client.ui.tests.Ui.waitUntil;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.confab.client.core.ClientListener;
import org.confab.client.core.ClientOptions;
import org.confab.client.core.ConfabClient;
import org.confab.client.core.ServerTrust;
import org.confab.client.ui.internal.prefs.Preferences;
import org.confab.client.ui.internal.views.ConversationEditor;
import org.confab.client.ui.internal.views.Workbench;
import org.confab.protocol.messages.Messages.ChatMessage;
import org.confab.protocol.messages.Messages.ReadMark;
import org.confab.server.api.AdminActor;
import org.confab.server.api.AdminService;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * Read receipts between the rich client (Alice) and a library client (Bob): Alice's own messages show
 * "read" once Bob has read them, Alice's client marks Bob's messages read while she looks at the
 * conversation, and with the preference off it does neither.
 */
class ReadReceiptsUITest {
    private static final String PASSWORD = "receipts lantern meadow";
    private static final String READ = "\u2713\u2713 read";
    private static final BundleContext CONTEXT = FrameworkUtil.getBundle(ReadReceiptsUITest.class).getBundleContext();

    private static String alice;
    private static String bob;
    private static ConfabClient bobLibrary;
    private static final List<ChatMessage> bobReceived = new CopyOnWriteArrayList<>();
    private static final List<ReadMark> bobMarks = new CopyOnWriteArrayList<>();
    private static ConversationEditor conversation;

    @BeforeAll
    static void logIn() throws Exception {
        int port = TestServer.port(CONTEXT);
        AdminService admin = TestServer.service(CONTEXT, AdminService.class);
        alice = unique("alice");
        bob = unique("bob");
        admin.addUser(AdminActor.console(), alice, PASSWORD, "Alice Receipts", false);
        admin.addUser(AdminActor.console(), bob, PASSWORD, "Bob Receipts", false);
        bobLibrary = new ConfabClient(ClientOptions.of("127.0.0.1", port).withTrust(ServerTrust.plain()));
        bobLibrary.addListener(new ClientListener() {
            @Override
            public void onMessage(ChatMessage message) {
                bobReceived.add(message);
            }

            @Override
            public void onRead(ReadMark mark) {
                bobMarks.add(mark);
            }
        });
        bobLibrary.connect().get(10, TimeUnit.SECONDS);
        bobLibrary.login(bob, PASSWORD).get(10, TimeUnit.SECONDS);
        Sessions.logOut();
        Sessions.logIn("127.0.0.1:" + port, alice, PASSWORD);
        conversation = ui(() -> Workbench.openConversation(Sessions.window(), bob, true).orElseThrow());
    }

    @AfterAll
    static void logOutAgain() {
        InstanceScope.INSTANCE.getNode(Preferences.QUALIFIER).remove(Preferences.READ_RECEIPTS);
        if (bobLibrary != null) {
            bobLibrary.close();
        }
        run(() -> Sessions.window().getActivePage().closeAllEditors(false));
        Sessions.logOut();
    }

    private static String unique(String prefix) {
        return (prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10)).toLowerCase(Locale.ROOT);
    }

    @Test
    void ownMessagesShowReadWhenThePeerHasReadThem() throws Exception {
        say("Did you see the quokka photos?");
        ChatMessage atBob = received("Did you see the quokka photos?");
        waitUntil("delivered first", () -> conversation.transcriptText().contains("\u2713\u2713 delivered\nDid you see the quokka photos?"));
        assertFalse(ui(conversation::transcriptText).contains(READ), "read before Bob read it");

        bobLibrary.markRead(alice, atBob.messageId()).get(10, TimeUnit.SECONDS);
        waitUntil("Alice sees Bob read it", () -> conversation.transcriptText().contains(READ + "\nDid you see the quokka photos?"));
        run(() -> Ui.screenshot(Sessions.window().getShell(), "client-read-receipts"));
    }

    @Test
    void theClientMarksWhatItShowsInTheFocusedWindow() throws Exception {
        run(() -> {
            Sessions.window().getShell().forceActive();
            conversation.setFocus();
        });
        long id = bobLibrary.send(alice, "Yes, adorable!").get(10, TimeUnit.SECONDS).messageId();
        waitUntil("Bob hears Alice read his message", () -> bobMarks.stream()
                .anyMatch(mark -> mark.reader().equals(alice) && mark.sender().equals(bob) && mark.upTo() >= id));
    }

    @Test
    void withThePreferenceOffNoMarksGoEitherWay() throws Exception {
        InstanceScope.INSTANCE.getNode(Preferences.QUALIFIER).putBoolean(Preferences.READ_RECEIPTS, false);
        try {
            run(() -> {
                Sessions.window().getShell().forceActive();
                conversation.setFocus();
            });
            long id = bobLibrary.send(alice, "Are you reading this?").get(10, TimeUnit.SECONDS).messageId();
            waitUntil("Bob's message shown", () -> conversation.transcriptText().contains("Are you reading this?"));
            run(conversation::setFocus);
            // Alice's requests are handled in order: a read mark would reach Bob before her reply does
            say("A private answer");
            ChatMessage reply = received("A private answer");
            assertTrue(bobMarks.stream().noneMatch(mark -> mark.reader().equals(alice) && mark.upTo() >= id),
                    "a read mark went out with the preference off: " + bobMarks);

            bobLibrary.markRead(alice, reply.messageId()).get(10, TimeUnit.SECONDS);
            // Bob's mark is pushed to Alice before the message he sends after it
            bobLibrary.send(alice, "one more thing").get(10, TimeUnit.SECONDS);
            waitUntil("Bob's next message shown", () -> conversation.transcriptText().contains("one more thing"));
            assertFalse(ui(conversation::transcriptText).contains(READ + "\nA private answer"),
                    "a receipt shown with the preference off");
        } finally {
            InstanceScope.INSTANCE.getNode(Preferences.QUALIFIER).remove(Preferences.READ_RECEIPTS);
        }
    }

    private static void say(String text) {
        run(() -> {
            conversation.composer().setText(text);
            conversation.send();
        });
    }

    private static ChatMessage received(String text) {
        waitUntil("Bob received '" + text + "'", () -> bobReceived.stream().anyMatch(m -> m.text().equals(text)));
        return bobReceived.stream().filter(m -> m.text().equals(text)).findFirst().orElseThrow();
    }
}
