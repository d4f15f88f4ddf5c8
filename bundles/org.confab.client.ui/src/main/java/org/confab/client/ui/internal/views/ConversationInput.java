package org.confab.client.ui.internal.views;

import java.util.Objects;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IPersistableElement;

/** The input of a conversation editor: one peer. Equal inputs make the workbench reuse the open editor. */
public final class ConversationInput implements IEditorInput {
    private final String peer;
    private final String displayName;

    public ConversationInput(String peer, String displayName) {
        this.peer = Objects.requireNonNull(peer);
        this.displayName = displayName;
    }

    public String peer() {
        return peer;
    }

    @Override
    public boolean exists() {
        return false;
    }

    @Override
    public ImageDescriptor getImageDescriptor() {
        return ImageDescriptor.getMissingImageDescriptor();
    }

    @Override
    public String getName() {
        return displayName;
    }

    @Override
    public IPersistableElement getPersistable() {
        return null;
    }

    @Override
    public String getToolTipText() {
        return "Conversation with " + displayName + " (" + peer + ")";
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        return null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConversationInput input && input.peer.equals(peer);
    }

    @Override
    public int hashCode() {
        return peer.hashCode();
    }
}
