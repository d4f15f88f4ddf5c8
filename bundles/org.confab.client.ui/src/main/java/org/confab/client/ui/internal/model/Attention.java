package org.confab.client.ui.internal.model;

/** What the {@link ChatController} needs from the window around it. */
public interface Attention {

    /** Whether the user is looking at this conversation: its part is active in the focused window. */
    boolean isLookingAt(String peer);

    /** A message arrived; tell the user if the window is not focused. */
    void messageArrived(String peer, String senderName, String text);

    /** Show a conversation without taking the focus, for messages that waited while we were offline. */
    void showConversation(String peer);
}
