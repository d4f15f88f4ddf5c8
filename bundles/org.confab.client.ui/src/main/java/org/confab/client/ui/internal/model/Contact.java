package org.confab.client.ui.internal.model;

/**
 * One row of the contact list.
 *
 * @param online whether the server says the user is online (false while presence is unknown)
 * @param presenceKnown false while our own connection is down and nobody tells us who is online
 */
public record Contact(String username, String displayName, boolean online, int unread, boolean presenceKnown) {

    /** A contact whose presence the server told. */
    public Contact(String username, String displayName, boolean online, int unread) {
        this(username, displayName, online, unread, true);
    }

    /** The name to show: the display name, with the user name when they differ. */
    public String label() {
        return displayName.equalsIgnoreCase(username) ? displayName : displayName + " (" + username + ")";
    }

    /** The presence in words, for tooltips and screen readers. */
    public String presenceText() {
        return !presenceKnown ? "presence unknown while you are offline" : online ? "online" : "offline";
    }
}
