package org.confab.screenshot.ui.internal;

import java.net.URL;
import java.util.Optional;

import org.confab.client.ui.ContributionProperties;
import org.confab.client.ui.ConversationAction;
import org.confab.client.ui.ConversationContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * "Share screenshot" in the toolbar of every conversation. Needs the server's attachment store
 * ({@code attach}); without it the client shows the button disabled and says why.
 */
@Component(property = { ContributionProperties.ID + "=" + ShareScreenshotAction.ID,
        ContributionProperties.REQUIRED_CAPABILITY + "=attach", "service.ranking:Integer=90" })
public final class ShareScreenshotAction implements ConversationAction {
    static final String ID = "org.confab.screenshot.share";

    private final Screenshots screenshots;

    @Activate
    public ShareScreenshotAction(@Reference Screenshots screenshots) {
        this.screenshots = screenshots;
    }

    @Override
    public String label() {
        return "Share screenshot";
    }

    @Override
    public String tooltip() {
        return "Share screenshot: select a region of the screen, mark it up and send it (Ctrl+Alt+S)";
    }

    @Override
    public Optional<URL> icon() {
        return Optional.ofNullable(getClass().getResource("/icons/camera.png"));
    }

    @Override
    public void run(ConversationContext context) {
        screenshots.share(context);
    }
}
