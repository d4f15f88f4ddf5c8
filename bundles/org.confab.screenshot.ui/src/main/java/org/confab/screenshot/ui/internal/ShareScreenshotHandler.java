package org.confab.screenshot.ui.internal;

import org.confab.client.ui.ConversationContext;
import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.ui.handlers.HandlerUtil;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

/**
 * The command {@code org.confab.screenshot.share} behind the key binding (Ctrl+Alt+S by default,
 * changeable in Window > Preferences > Keys): shares a screenshot in the active conversation. The
 * extension registry creates it, so it finds the plugin's {@link Screenshots} in the service registry;
 * while the bundle is stopped the command is disabled.
 */
public final class ShareScreenshotHandler extends AbstractHandler {

    @Override
    public boolean isEnabled() {
        Bundle bundle = FrameworkUtil.getBundle(ShareScreenshotHandler.class);
        return bundle != null && bundle.getState() == Bundle.ACTIVE;
    }

    @Override
    public Object execute(ExecutionEvent event) {
        ConversationContext conversation = Adapters.adapt(HandlerUtil.getActiveEditor(event), ConversationContext.class);
        BundleContext bundle = FrameworkUtil.getBundle(ShareScreenshotHandler.class).getBundleContext();
        if (conversation == null || bundle == null) {
            return null;
        }
        ServiceReference<Screenshots> reference = bundle.getServiceReference(Screenshots.class);
        if (reference != null) {
            Screenshots screenshots = bundle.getService(reference);
            try {
                if (screenshots != null) {
                    screenshots.share(conversation);
                }
            } finally {
                bundle.ungetService(reference);
            }
        }
        return null;
    }
}
