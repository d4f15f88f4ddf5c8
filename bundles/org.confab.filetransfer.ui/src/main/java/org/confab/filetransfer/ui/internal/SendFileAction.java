package org.confab.filetransfer.ui.internal;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.confab.client.ui.ComposerAction;
import org.confab.client.ui.ComposerContext;
import org.confab.client.ui.ContributionProperties;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * "Send file…" next to every composer: picks one or more files and offers them to the peer. Needs the
 * server's {@code file} capability; without it the client shows the button disabled and says why.
 */
@Component(property = { ContributionProperties.ID + "=" + SendFileAction.ID,
        ContributionProperties.REQUIRED_CAPABILITY + "=" + FileStates.KIND, "service.ranking:Integer=100" })
public final class SendFileAction implements ComposerAction {
    static final String ID = "org.confab.filetransfer.send";

    private final Offers offers;

    @Activate
    public SendFileAction(@Reference Offers offers) {
        this.offers = offers;
    }

    @Override
    public String label() {
        return "Send file\u2026";
    }

    @Override
    public String tooltip() {
        return "Send files to this contact, online or not";
    }

    @Override
    public void run(ComposerContext context) {
        FileDialog dialog = new FileDialog(context.shell(), SWT.OPEN | SWT.MULTI);
        dialog.setText("Send files to " + context.peerDisplayName());
        if (dialog.open() == null) {
            return;
        }
        List<Path> files = Arrays.stream(dialog.getFileNames()).map(name -> Path.of(dialog.getFilterPath(), name)).toList();
        offers.offer(context, files);
    }
}
