package org.confab.client.ui.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.confab.protocol.messages.Messages.PresenceEntry;
import org.confab.protocol.messages.PresenceStatus;
import org.junit.jupiter.api.Test;

/** Typing notices, auto-away and contacts with a status. */
class PresenceModelsTest {
    @Test
    void typingIsToldOnceThenRepeatedWhileTypingAndStoppedWhenEmptiedOrSent() {
        TypingNotices notices = new TypingNotices();
        assertEquals(Optional.empty(), notices.edited("", 0), "nothing typed, nothing told");
        assertEquals(Optional.of(true), notices.edited("h", 1000));
        assertEquals(Optional.empty(), notices.edited("he", 2000));
        assertEquals(Optional.of(true), notices.edited("hel", 1000 + TypingNotices.REPEAT_MILLIS));
        assertEquals(Optional.of(false), notices.edited("  ", 5000));
        assertEquals(Optional.empty(), notices.edited("", 5100));
        assertEquals(Optional.of(true), notices.edited("again", 5200));
        assertEquals(Optional.of(false), notices.stopped());
        assertEquals(Optional.empty(), notices.stopped(), "stopped twice");
    }

    @Test
    void idleMakesAnAvailableUserAwayAndActivityBringsThemBack() {
        IdleAway idle = new IdleAway(0);
        long tenMinutes = 600_000;
        assertEquals(Optional.empty(), idle.check(tenMinutes - 1, tenMinutes, PresenceStatus.AVAILABLE));
        assertEquals(Optional.of(PresenceStatus.AWAY), idle.check(tenMinutes, tenMinutes, PresenceStatus.AVAILABLE));
        assertEquals(Optional.empty(), idle.check(tenMinutes * 2, tenMinutes, PresenceStatus.AWAY), "away twice");
        assertEquals(Optional.of(PresenceStatus.AVAILABLE), idle.activity(tenMinutes * 2));
        assertEquals(Optional.empty(), idle.activity(tenMinutes * 2 + 5), "back twice");

        assertEquals(Optional.empty(), idle.check(tenMinutes * 9, tenMinutes, PresenceStatus.BUSY), "a chosen busy changed");
        assertEquals(Optional.empty(), idle.check(tenMinutes * 9, 0, PresenceStatus.AVAILABLE), "auto-away switched off");
        assertEquals(Optional.of(PresenceStatus.AWAY), idle.check(tenMinutes * 9, tenMinutes, PresenceStatus.AVAILABLE));
        idle.chosen();
        assertEquals(Optional.empty(), idle.activity(tenMinutes * 10), "a status the user chose was undone by activity");
    }

    @Test
    void contactsCarryTheirStatusAndOldServersMeanAvailable() {
        ContactsModel contacts = new ContactsModel(new UnreadCounter());
        contacts.setSelf("me");
        contacts.update(new PresenceEntry("bob", "Bob", true, PresenceStatus.BUSY));
        contacts.update(new PresenceEntry("carol", "Carol", true, null));
        contacts.update(new PresenceEntry("dave", "Dave", false));
        assertEquals("busy, do not disturb", contacts.contact("bob").orElseThrow().presenceText());
        assertEquals("online", contacts.contact("carol").orElseThrow().presenceText());
        assertEquals("offline", contacts.contact("dave").orElseThrow().presenceText());
        contacts.update(new PresenceEntry("bob", "Bob", true, PresenceStatus.AWAY));
        assertEquals("away", contacts.contact("bob").orElseThrow().presenceText());
    }
}
