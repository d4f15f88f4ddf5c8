package org.confab.client.ui.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.confab.protocol.messages.Messages.PresenceEntry;
import org.junit.jupiter.api.Test;

class ContactsModelTest {
    private final UnreadCounter unread = new UnreadCounter();
    private final ContactsModel contacts = new ContactsModel(unread);

    @Test
    void onlineFirstThenByDisplayNameWithoutOneself() {
        contacts.setSelf("alice");
        contacts.replaceAll(List.of(entry("zoe", "Zoe", false), entry("alice", "Alice", true),
                entry("bob", "bob", true), entry("carol", "Carol", false), entry("ann", "Ann", true)));

        assertEquals(List.of("ann", "bob", "carol", "zoe"), names(""));
    }

    @Test
    void presenceUpdatesMoveAContact() {
        contacts.replaceAll(List.of(entry("bob", "Bob", false), entry("carol", "Carol", true)));
        contacts.update(entry("bob", "Bob", true));

        assertEquals(List.of("bob", "carol"), names(""));
        assertEquals(true, contacts.contact("bob").orElseThrow().online());
    }

    @Test
    void filterMatchesUserAndDisplayNamesIgnoringCase() {
        contacts.replaceAll(List.of(entry("bob", "Robert Builder", true), entry("carol", "Carol", true)));

        assertEquals(List.of("bob"), names("BUILD"));
        assertEquals(List.of("bob"), names(" bo "));
        assertEquals(List.of(), names("xyz"));
    }

    @Test
    void unreadCountsShowPerContact() {
        contacts.replaceAll(List.of(entry("bob", "Bob", true)));
        int[] changes = { 0 };
        contacts.addObserver(() -> changes[0]++);
        unread.increment("bob");
        unread.increment("bob");

        assertEquals(2, contacts.contacts("").get(0).unread());
        assertEquals(2, changes[0], "unread changes refresh the list");
        unread.clear("bob");
        assertEquals(0, contacts.contacts("").get(0).unread());
    }

    @Test
    void unknownUsersAreShownByTheirUserName() {
        assertEquals("dave", contacts.displayName("dave"));
        contacts.update(entry("dave", "", true));
        assertEquals("dave", contacts.displayName("dave"));
        assertEquals("Dave Smith (dave)", new Contact("dave", "Dave Smith", true, 0).label());
        assertEquals("Dave", new Contact("dave", "Dave", true, 0).label());
    }

    @Test
    void presenceIsUnknownWhileOfflineAndKnownAgainWithTheNextList() {
        contacts.replaceAll(List.of(entry("bob", "Bob", true), entry("carol", "Carol", false)));
        contacts.presenceUnknown();
        assertEquals(0, contacts.onlineCount());
        assertEquals(List.of("bob", "carol"), names(""), "the list stays, by name");
        assertTrue(contacts.contacts("").stream().noneMatch(c -> c.online() || c.presenceKnown()));
        assertEquals("presence unknown while you are offline", contacts.contact("bob").orElseThrow().presenceText());
        contacts.replaceAll(List.of(entry("bob", "Bob", false), entry("carol", "Carol", true)));
        assertTrue(contacts.presenceKnown());
        assertEquals(List.of("carol", "bob"), names(""), "online first again");
        assertEquals("online", contacts.contact("carol").orElseThrow().presenceText());
    }

    private List<String> names(String filter) {
        return contacts.contacts(filter).stream().map(Contact::username).toList();
    }

    private static PresenceEntry entry(String user, String name, boolean online) {
        return new PresenceEntry(user, name, online);
    }
}
