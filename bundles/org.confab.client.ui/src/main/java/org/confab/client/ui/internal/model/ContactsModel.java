package org.confab.client.ui.internal.model;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.confab.protocol.messages.Messages.PresenceEntry;

/**
 * Everyone the server knows with their presence and unread counts, except the logged-in user: online
 * users first, then by display name. The filter matches user and display names, ignoring case.
 */
public final class ContactsModel {
    private static final Comparator<Contact> ORDER = Comparator.comparing((Contact c) -> !c.online())
            .thenComparing(c -> c.displayName().toLowerCase(Locale.ROOT)).thenComparing(Contact::username);

    private final Map<String, PresenceEntry> users = new HashMap<>();
    private final UnreadCounter unread;
    private final Observers observers = new Observers();
    private String self = "";
    private boolean known = true;

    public ContactsModel(UnreadCounter unread) {
        this.unread = unread;
        unread.addObserver(observers::changed);
    }

    /** Who is logged in; that user is left out of the list. */
    public void setSelf(String username) {
        self = username;
        observers.changed();
    }

    public void replaceAll(List<PresenceEntry> entries) {
        known = true;
        users.clear();
        entries.forEach(entry -> users.put(entry.username(), entry));
        observers.changed();
    }

    public void update(PresenceEntry entry) {
        users.put(entry.username(), entry);
        observers.changed();
    }

    /**
     * Our own connection is lost: who is online is unknown until the server tells again (the next
     * {@link #replaceAll}). The list stays, every contact shown as unknown, none as online.
     */
    public void presenceUnknown() {
        if (known) {
            known = false;
            observers.changed();
        }
    }

    /** Whether the presence shown is the server's word (false while our connection is down). */
    public boolean presenceKnown() {
        return known;
    }

    public void clear() {
        known = true;
        users.clear();
        observers.changed();
    }

    /** The contacts matching {@code filter} (blank matches all), in display order. */
    public List<Contact> contacts(String filter) {
        String needle = filter == null ? "" : filter.strip().toLowerCase(Locale.ROOT);
        return users.values().stream().filter(entry -> !entry.username().equals(self))
                .map(this::contact)
                .filter(contact -> needle.isEmpty() || contact.username().contains(needle)
                        || contact.displayName().toLowerCase(Locale.ROOT).contains(needle))
                .sorted(ORDER).toList();
    }

    public Optional<Contact> contact(String username) {
        return Optional.ofNullable(users.get(username)).map(this::contact);
    }

    /** The display name of a user, or the user name when unknown. */
    public String displayName(String username) {
        PresenceEntry entry = users.get(username);
        return entry == null ? username : displayName(entry);
    }

    public long onlineCount() {
        return known ? users.values().stream().filter(e -> e.online() && !e.username().equals(self)).count() : 0;
    }

    private Contact contact(PresenceEntry entry) {
        return new Contact(entry.username(), displayName(entry), known && entry.online(), unread.count(entry.username()),
                known, entry.status());
    }

    public void addObserver(Runnable observer) {
        observers.add(observer);
    }

    public void removeObserver(Runnable observer) {
        observers.remove(observer);
    }

    private static String displayName(PresenceEntry entry) {
        String name = entry.displayName();
        return name == null || name.isBlank() ? entry.username() : name;
    }
}
