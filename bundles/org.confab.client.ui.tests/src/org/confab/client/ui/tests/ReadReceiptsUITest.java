package org.confab.client.ui.tests;

import static org.confab.client.ui.tests.Ui.run;
import static org.confab.client.ui.tests.Ui.ui;
import static org.confab.client.ui.tests.Ui.waitUntil;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.confab.client.core.ClientListener;
import org.confab.client.ui.internal.prefs.Preferences;
import org.confab.client.ui.internal.views.ConversationEditor;
import org.confab.protocol.messages.Messages.ChatMessage;
import org.confab.protocol.messages.Messages.ReadMark;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Read receipts between the rich client (Alice) and a library client (Bob): Alice's own messages show
 * "read" once Bob has read them, Alice's client marks Bob's messages read while she looks at the
 * conversation, and with the preference off it does neither.
 */
class ReadReceiptsUITest {
    private static final String PASSWORD = "receipts lantern meadow";
    private static final String READ = "\u2713\u2713 read";

    private static AliceAndBob cast;
    private static final List<ChatMessage> bobReceived = new CopyOnWriteArrayList<>();
    private static final List<ReadMark> bobMarks = new CopyOnWriteArrayList<>();
    private static ConversationEditor conversation;

    @BeforeAll
    static void logIn() throws Exception {
        cast = AliceAndBob.bobLoggedIn(PASSWORD, "Alice Receipts", "Bob Receipts", new ClientListener() {
            @Override
            public void onMessage(ChatMessage message) {
                bobReceived.add(message);
            }

            @Override
            public void onRead(ReadMark mark) {
                bobMarks.add(mark);
            }
        });
        cast.aliceLogsIn();
        conversation = cast.aliceOpensBob();
    }

    @AfterAll
    static void logOutAgain() {
        InstanceScope.INSTANCE.getNode(Preferences.QUALIFIER).remove(Preferences.READ_RECEIPTS);
        AliceAndBob.leave(cast);
    }

    @Test
    void ownMessagesShowReadWhenThePeerHasReadThem() throws Exception {
        say("Did you see the quokka photos?");
        ChatMessage atBob = received("Did you see the quokka photos?");
        waitUntil("delivered first", () -> conversation.transcriptText().contains("\u2713\u2713 delivered\nDid you see the quokka photos?"));
        assertFalse(ui(conversation::transcriptText).contains(READ), "read before Bob read it");

        cast.bobLibrary.markRead(cast.alice, atBob.messageId()).get(10, TimeUnit.SECONDS);
        waitUntil("Alice sees Bob read it", () -> conversation.transcriptText().contains(READ + "\nDid you see the quokka photos?"));
        run(() -> Ui.screenshot(Sessions.window().getShell(), "client-read-receipts"));
    }

    @Test
    void theClientMarksWhatItShowsInTheFocusedWindow() throws Exception {
        run(() -> {
            Sessions.window().getShell().forceActive();
            conversation.setFocus();
        });
        long id = cast.bobLibrary.send(cast.alice, "Yes, adorable!").get(10, TimeUnit.SECONDS).messageId();
        waitUntil("Bob hears Alice read his message", () -> bobMarks.stream()
                .anyMatch(mark -> mark.reader().equals(cast.alice) && mark.sender().equals(cast.bob) && mark.upTo() >= id));
    }

    @Test
    void withThePreferenceOffNoMarksGoEitherWay() throws Exception {
        InstanceScope.INSTANCE.getNode(Preferences.QUALIFIER).putBoolean(Preferences.READ_RECEIPTS, false);
        try {
            run(() -> {
                Sessions.window().getShell().forceActive();
                conversation.setFocus();
            });
            long id = cast.bobLibrary.send(cast.alice, "Are you reading this?").get(10, TimeUnit.SECONDS).messageId();
            waitUntil("Bob's message shown", () -> conversation.transcriptText().contains("Are you reading this?"));
            run(conversation::setFocus);
            // Alice's requests are handled in order: a read mark would reach Bob before her reply does
            say("A private answer");
            ChatMessage reply = received("A private answer");
            assertTrue(bobMarks.stream().noneMatch(mark -> mark.reader().equals(cast.alice) && mark.upTo() >= id),
                    "a read mark went out with the preference off: " + bobMarks);

            cast.bobLibrary.markRead(cast.alice, reply.messageId()).get(10, TimeUnit.SECONDS);
            // Bob's mark is pushed to Alice before the message he sends after it
            cast.bobLibrary.send(cast.alice, "one more thing").get(10, TimeUnit.SECONDS);
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
