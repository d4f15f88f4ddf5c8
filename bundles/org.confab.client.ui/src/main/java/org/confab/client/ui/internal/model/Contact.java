package org.confab.client.ui.internal.model;

import org.confab.protocol.messages.PresenceStatus;

/**
 * One row of the contact list.
 *
 * @param online whether the server says the user is online (false while presence is unknown)
 * @param presenceKnown false while our own connection is down and nobody tells us who is online
 * @param status what an online contact said about themselves: available, away or busy
 */
public record Contact(String username, String displayName, boolean online, int unread, boolean presenceKnown,
        String status) {

    public Contact {
        status = status == null ? PresenceStatus.AVAILABLE : status;
    }

    public Contact(String username, String displayName, boolean online, int unread, boolean presenceKnown) {
        this(username, displayName, online, unread, presenceKnown, PresenceStatus.AVAILABLE);
    }

    /** A contact whose presence the server told. */
    public Contact(String username, String displayName, boolean online, int unread) {
        this(username, displayName, online, unread, true);
    }

    public boolean away() {
        return online && PresenceStatus.AWAY.equals(status);
    }

    public boolean busy() {
        return online && PresenceStatus.BUSY.equals(status);
    }

    /** The name to show: the display name, with the user name when they differ. */
    public String label() {
        return displayName.equalsIgnoreCase(username) ? displayName : displayName + " (" + username + ")";
    }

    /** The presence in words, for tooltips and screen readers. */
    public String presenceText() {
        return !presenceKnown ? "presence unknown while you are offline"
                : away() ? "away" : busy() ? "busy, do not disturb" : online ? "online" : "offline";
    }
}
