package org.confab.client.ui.internal.views;

import java.util.concurrent.CompletableFuture;

import org.confab.client.core.OutgoingMessage;
import org.confab.client.ui.ChatSession;
import org.confab.client.ui.ClientSettings;
import org.confab.client.ui.ComposerContext;
import org.confab.client.ui.internal.model.ChatController;
import org.confab.protocol.messages.Messages.ChatSent;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/** One conversation and its composer, as plugin contributions see them. */
final class EditorContext implements ComposerContext {
    private final ChatController controller;
    private final String peer;
    private final Shell shell;
    private final Text composer;

    EditorContext(ChatController controller, String peer, Shell shell, Text composer) {
        this.controller = controller;
        this.peer = peer;
        this.shell = shell;
        this.composer = composer;
    }

    @Override
    public String peer() {
        return peer;
    }

    @Override
    public String peerDisplayName() {
        return controller.contacts().displayName(peer);
    }

    @Override
    public String self() {
        return controller.self().orElse("");
    }

    @Override
    public ChatSession session() {
        return controller.session();
    }

    @Override
    public ClientSettings settings() {
        return Workbench.service(ClientSettings.class).orElseThrow();
    }

    @Override
    public Shell shell() {
        return shell;
    }

    @Override
    public CompletableFuture<ChatSent> sendText(String text) {
        return controller.send(peer, text);
    }

    @Override
    public CompletableFuture<ChatSent> send(OutgoingMessage message) {
        return controller.send(peer, message);
    }

    @Override
    public String composerText() {
        return composer == null || composer.isDisposed() ? "" : composer.getText();
    }

    @Override
    public void insertIntoComposer(String text) {
        if (composer != null && !composer.isDisposed()) {
            composer.insert(text);
        }
    }
}
