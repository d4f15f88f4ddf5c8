package org.confab.client.ui.internal.views;

import java.net.URL;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.confab.client.ui.internal.model.Capabilities;
import org.confab.client.ui.internal.session.Whiteboard;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.resource.ImageDescriptor;

/**
 * Turns whiteboard contributions into JFace actions the same way everywhere: the plugin's label,
 * tooltip and icon, and disabled with the reason as tooltip when the server lacks the capability the
 * contribution requires. A plugin whose {@code run} throws is logged, not allowed to break the window.
 */
final class ContributedActions {
    private static final System.Logger LOG = System.getLogger(ContributedActions.class.getName());

    private ContributedActions() {
    }

    /**
     * @param enabled the plugin's own opinion, asked only when the capability is there
     * @param run what the action does
     */
    static Action action(Whiteboard.Entry<?> entry, Map<String, String> capabilities, String label, String tooltip,
            Optional<URL> icon, Supplier<Boolean> enabled, Runnable run) {
        Action action = new Action(label) {
            @Override
            public void run() {
                try {
                    run.run();
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "the contributed action " + entry.id() + " failed", e);
                }
            }
        };
        action.setId(entry.id());
        icon.ifPresent(url -> action.setImageDescriptor(ImageDescriptor.createFromURL(url)));
        Optional<String> missing = Capabilities.missing(entry.requiredCapability(), capabilities);
        action.setToolTipText(missing.map(why -> label + " is not available: " + why).orElse(tooltip));
        action.setEnabled(missing.isEmpty() && Boolean.TRUE.equals(enabled.get()));
        return action;
    }
}
