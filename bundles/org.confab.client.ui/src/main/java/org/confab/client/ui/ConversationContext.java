package org.confab.client.ui;

import java.util.concurrent.CompletableFuture;

import org.confab.client.core.OutgoingMessage;

import org.confab.protocol.messages.Messages.ChatSent;
import org.eclipse.swt.widgets.Shell;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One open conversation, as seen by a {@link ConversationAction}. Also available from the
 * conversation editor as an adapter ({@code editor.getAdapter(ConversationContext.class)}), so command
 * handlers contributed to the conversation toolbar's menu location get it from the active editor.
 */
@ProviderType
public interface ConversationContext {

    /** The user name of the other side. */
    String peer();

    /** The display name of the other side. */
    String peerDisplayName();

    /** The logged-in user's name. */
    String self();

    /** The session the conversation runs on. */
    ChatSession session();

    /** The client's settings, for example where files and screenshots go. */
    ClientSettings settings();

    /** The window to parent dialogs on. */
    Shell shell();

    /**
     * Sends a text into this conversation exactly as if the user had typed it: it appears in the
     * transcript with its delivery state.
     */
    CompletableFuture<ChatSent> sendText(String text);

    /**
     * Sends a message of any kind into this conversation (a plugin's own kind, rendered by its
     * {@link MessageRenderer}): it appears in the transcript at once with its delivery state.
     */
    CompletableFuture<ChatSent> send(OutgoingMessage message);
}
