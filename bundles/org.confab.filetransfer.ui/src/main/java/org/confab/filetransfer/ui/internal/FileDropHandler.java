package org.confab.filetransfer.ui.internal;

import java.nio.file.Path;
import java.util.List;

import org.confab.client.ui.ComposerDropHandler;
import org.confab.client.ui.ContributionProperties;
import org.confab.client.ui.ConversationContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Files dropped onto a conversation are offered to its peer (skipped by the client when the server has no {@code file}). */
@Component(property = { ContributionProperties.ID + "=org.confab.filetransfer.drop",
        ContributionProperties.REQUIRED_CAPABILITY + "=" + FileStates.KIND })
public final class FileDropHandler implements ComposerDropHandler {
    private final Offers offers;

    @Activate
    public FileDropHandler(@Reference Offers offers) {
        this.offers = offers;
    }

    @Override
    public void drop(ConversationContext context, List<Path> files) {
        offers.offer(context, files);
    }
}
