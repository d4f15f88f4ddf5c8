package org.confab.filetransfer.ui.internal;

import org.confab.client.ui.MessageRenderer;
import org.confab.client.ui.MessageView;
import org.eclipse.swt.widgets.Composite;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Draws messages of kind {@code file} as a file row: name, size, who sent it to whom, the recipient's
 * state kept live, and the actions that fit it (accept, decline, open). Having it installed also makes the
 * client announce {@code file} in its hello, so the server pushes {@code file.state} to it.
 * <p>
 * The client's session collects the renderers while it is being created (to list their kinds in the
 * hello), and the states need that session: so the renderer takes its helpers as service objects and
 * creates them at the first row, when the session exists, instead of in its constructor (a cycle Felix
 * SCR would refuse).
 */
@Component(property = MessageRenderer.KINDS_PROPERTY + "=" + FileStates.KIND)
public final class FileRowRenderer implements MessageRenderer {
    private final ComponentServiceObjects<FileStates> states;
    private final ComponentServiceObjects<FileTransfers> transfers;
    private FileStates usedStates;
    private FileTransfers usedTransfers;

    @Activate
    public FileRowRenderer(@Reference ComponentServiceObjects<FileStates> states,
            @Reference ComponentServiceObjects<FileTransfers> transfers) {
        this.states = states;
        this.transfers = transfers;
    }

    @Deactivate
    synchronized void deactivate() {
        if (usedStates != null) {
            states.ungetService(usedStates);
        }
        if (usedTransfers != null) {
            transfers.ungetService(usedTransfers);
        }
    }

    @Override
    public void render(Composite parent, MessageView message) {
        FileStates known = states();
        new FileRow(parent, FileOffer.of(message), known, transfers());
        known.load();
    }

    private synchronized FileStates states() {
        if (usedStates == null) {
            usedStates = states.getService();
        }
        return usedStates;
    }

    private synchronized FileTransfers transfers() {
        if (usedTransfers == null) {
            usedTransfers = transfers.getService();
        }
        return usedTransfers;
    }
}
