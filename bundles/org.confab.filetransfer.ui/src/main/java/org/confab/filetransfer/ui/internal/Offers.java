package org.confab.filetransfer.ui.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.confab.client.ui.ConversationContext;
import org.eclipse.jface.dialogs.MessageDialog;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Offers chosen or dropped files to a conversation's peer: each regular file becomes a transfer job; a
 * folder or an unreadable file is refused with a message (folders are not sent whole).
 */
@Component(service = Offers.class)
public final class Offers {
    private final FileTransfers transfers;

    @Activate
    public Offers(@Reference FileTransfers transfers) {
        this.transfers = transfers;
    }

    /** Called on the display thread. */
    void offer(ConversationContext context, List<Path> files) {
        List<Path> refused = files.stream().filter(f -> !Files.isRegularFile(f) || !Files.isReadable(f)).toList();
        files.stream().filter(f -> !refused.contains(f)).forEach(file -> transfers.send(context, file));
        if (!refused.isEmpty()) {
            MessageDialog.openWarning(context.shell(), "Send file",
                    "Only readable files can be sent, not folders: " + String.join(", ",
                            refused.stream().map(p -> String.valueOf(p.getFileName())).toList()));
        }
    }
}
