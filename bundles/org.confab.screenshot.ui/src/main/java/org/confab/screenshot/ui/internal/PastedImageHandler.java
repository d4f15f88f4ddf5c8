package org.confab.screenshot.ui.internal;

import org.confab.client.ui.ComposerPasteHandler;
import org.confab.client.ui.ContributionProperties;
import org.confab.client.ui.ConversationContext;
import org.confab.client.ui.PastedContent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * A picture pasted into the composer opens in the preview (markup, then Send) like a screenshot. Ranked
 * low, so another plugin that wants pasted pictures for itself is asked first; content without a picture
 * (copied files) is left to the others.
 */
@Component(property = { ContributionProperties.ID + "=org.confab.screenshot.paste",
        ContributionProperties.REQUIRED_CAPABILITY + "=attach", "service.ranking:Integer=-100" })
public final class PastedImageHandler implements ComposerPasteHandler {
    private final Screenshots screenshots;

    @Activate
    public PastedImageHandler(@Reference Screenshots screenshots) {
        this.screenshots = screenshots;
    }

    @Override
    public boolean paste(ConversationContext context, PastedContent content) {
        content.image().ifPresent(picture -> screenshots.preview(context, Pixels.copy(picture),
                "Send the pasted picture to " + context.peerDisplayName()));
        return content.image().isPresent();
    }
}
