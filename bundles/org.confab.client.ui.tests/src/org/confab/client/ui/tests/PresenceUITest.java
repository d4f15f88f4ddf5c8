package org.confab.client.ui.tests;

import static org.confab.client.ui.tests.Ui.run;
import static org.confab.client.ui.tests.Ui.ui;
import static org.confab.client.ui.tests.Ui.waitUntil;
import static org.confab.client.ui.tests.Ui.widget;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.confab.client.core.ClientListener;
import org.confab.client.ui.internal.prefs.Preferences;
import org.confab.client.ui.internal.views.ContactsView;
import org.confab.client.ui.internal.views.ConversationEditor;
import org.confab.protocol.messages.Messages.ChatMessage;
import org.confab.protocol.messages.Messages.PresenceEntry;
import org.confab.protocol.messages.Messages.Typing;
import org.confab.protocol.messages.PresenceStatus;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Label;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Presence status both ways, typing both ways, and the preference that keeps one's typing private. */
class PresenceUITest {
    private static final String PASSWORD = "presence kettle wander";

    private static AliceAndBob cast;
    private static final List<Object> bobHears = new CopyOnWriteArrayList<>();
    private static ConversationEditor conversation;

    @BeforeAll
    static void logIn() throws Exception {
        cast = AliceAndBob.bobLoggedIn(PASSWORD, "Alice Presence", "Bob Presence", new ClientListener() {
            @Override
            public void onPresence(PresenceEntry presence) {
                bobHears.add(presence);
            }

            @Override
            public void onTyping(Typing typing) {
                bobHears.add(typing);
            }

            @Override
            public void onMessage(ChatMessage message) {
                bobHears.add(message.text());
            }
        });
        cast.aliceLogsIn();
        conversation = cast.aliceOpensBob();
    }

    @AfterAll
    static void logOutAgain() {
        InstanceScope.INSTANCE.getNode(Preferences.QUALIFIER).remove(Preferences.SEND_TYPING);
        AliceAndBob.leave(cast);
    }

    @Test
    void statusesShowOnBothSides() throws Exception {
        cast.bobLibrary.setStatus(PresenceStatus.BUSY).get(10, TimeUnit.SECONDS);
        waitUntil("Bob busy in the contacts", () -> contacts().shown().stream()
                .anyMatch(c -> c.username().equals(cast.bob) && c.busy()));
        waitUntil("Bob busy in the conversation's header", () -> widget(Sessions.window().getShell(), Label.class,
                "conversation.header").getText().endsWith("busy, do not disturb"));

        Combo status = ui(() -> widget(Sessions.window().getShell(), Combo.class, "contacts.status"));
        assertEquals("Available", ui(status::getText));
        run(() -> {
            status.select(1);
            status.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
        });
        waitUntil("Bob hears Alice is away", () -> bobHears.contains(
                new PresenceEntry(cast.alice, "Alice Presence", true, PresenceStatus.AWAY)));
        run(() -> Ui.screenshot(Sessions.window().getShell(), "client-presence"));
        run(() -> {
            status.select(0);
            status.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
        });
        waitUntil("Bob hears Alice is back", () -> bobHears.contains(
                new PresenceEntry(cast.alice, "Alice Presence", true, PresenceStatus.AVAILABLE)));
        cast.bobLibrary.setStatus(PresenceStatus.AVAILABLE).get(10, TimeUnit.SECONDS);
    }

    @Test
    void typingShowsOnBothSidesAndEndsWithTheMessage() throws Exception {
        InstanceScope.INSTANCE.getNode(Preferences.QUALIFIER).remove(Preferences.SEND_TYPING); // the default: on
        cast.bobLibrary.typing(cast.alice, true).get(10, TimeUnit.SECONDS);
        waitUntil("Bob typing in Alice's window", () -> conversation.typingText().equals("Bob Presence is typing\u2026"));
        Label typing = ui(() -> widget(Sessions.window().getShell(), Label.class, "conversation.typing"));
        assertTrue(ui(() -> typing.isVisible() && typing.getSize().x >= typing.computeSize(SWT.DEFAULT, SWT.DEFAULT).x
                && typing.getSize().y > 0), "the typing line has no room: " + ui(typing::getBounds));
        waitUntil("the typing line drawn on the screen", () -> Ui.ink(typing)[1] >= 0);
        run(() -> Ui.screenshot(Sessions.window().getShell(), "client-typing"));
        cast.bobLibrary.send(cast.alice, "here it is").get(10, TimeUnit.SECONDS);
        waitUntil("the indicator gone with Bob's message", () -> conversation.typingText().isEmpty());

        run(() -> conversation.composer().setText("I am writing"));
        waitUntil("Bob hears Alice typing", () -> bobHears.contains(new Typing(cast.alice, true)));
        run(() -> conversation.composer().setText("I am writing more"));
        run(conversation::send);
        waitUntil("Bob hears Alice stopped", () -> bobHears.contains(new Typing(cast.alice, false)));
        waitUntil("and gets the message", () -> bobHears.contains("I am writing more"));
        assertEquals(1, bobHears.stream().filter(new Typing(cast.alice, true)::equals).count(), "typing told twice in 3 s");
    }

    @Test
    void withThePreferenceOffNobodySeesOneType() {
        InstanceScope.INSTANCE.getNode(Preferences.QUALIFIER).putBoolean(Preferences.SEND_TYPING, false);
        try {
            bobHears.clear();
            run(() -> {
                conversation.composer().setText("a private draft");
                conversation.send();
            });
            waitUntil("the message at Bob's", () -> bobHears.contains("a private draft"));
            // Alice's requests are answered and relayed in order: a typing notice would have come first
            assertTrue(bobHears.stream().noneMatch(Typing.class::isInstance), "Bob saw Alice typing: " + bobHears);
        } finally {
            InstanceScope.INSTANCE.getNode(Preferences.QUALIFIER).remove(Preferences.SEND_TYPING);
        }
    }

    private static ContactsView contacts() {
        return (ContactsView) Sessions.window().getActivePage().findView(ContactsView.ID);
    }
}
