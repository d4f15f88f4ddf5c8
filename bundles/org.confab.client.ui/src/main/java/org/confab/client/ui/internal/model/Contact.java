package org.confab.client.ui.internal.model;

/** One row of the contact list. */
public record Contact(String username, String displayName, boolean online, int unread) {

    /** The name to show: the display name, with the user name when they differ. */
    public String label() {
        return displayName.equalsIgnoreCase(username) ? displayName : displayName + " (" + username + ")";
    }
}
