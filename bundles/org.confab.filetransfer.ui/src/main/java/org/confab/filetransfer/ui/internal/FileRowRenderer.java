package org.confab.filetransfer.ui.internal;

import org.confab.client.ui.MessageRenderer;
import org.confab.client.ui.MessageView;
import org.eclipse.swt.widgets.Composite;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Draws messages of kind {@code file} as a file row: name, size, who sent it to whom, the recipient's
 * state kept live, and the actions that fit it (accept, decline, open). Having it installed also makes the
 * client announce {@code file} in its hello, so the server pushes {@code file.state} to it.
 */
@Component(property = MessageRenderer.KINDS_PROPERTY + "=" + FileStates.KIND)
public final class FileRowRenderer implements MessageRenderer {
    private final FileStates states;
    private final FileTransfers transfers;

    @Activate
    public FileRowRenderer(@Reference FileStates states, @Reference FileTransfers transfers) {
        this.states = states;
        this.transfers = transfers;
    }

    @Override
    public void render(Composite parent, MessageView message) {
        FileOffer offer = FileOffer.of(message);
        new FileRow(parent, offer, states, transfers);
        states.load();
    }
}
