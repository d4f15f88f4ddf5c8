package org.confab.client.ui.plugins.internal;

import java.util.Optional;

import org.confab.client.ui.ChatSession;
import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.equinox.p2.ui.Policy;
import org.eclipse.equinox.p2.ui.ProvisioningUI;
import org.eclipse.ui.handlers.HandlerUtil;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

/**
 * Help &gt; Plugins…: opens the {@link PluginsDialog} on this client's own installation. p2's default
 * policy only offers a restart after a change; Confab's plugins are DS components that come and go
 * live, so the user is offered "Apply Changes Now" as well (simpleconfigurator's
 * {@code Configurator.applyConfiguration()}), and a restart only where a plugin needs one.
 */
public class OpenPluginsHandler extends AbstractHandler {
    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        ProvisioningUI defaults = ProvisioningUI.getDefaultUI();
        Policy policy = new Policy();
        policy.setRestartPolicy(Policy.RESTART_POLICY_PROMPT_RESTART_OR_APPLY);
        ProvisioningUI ui = new ProvisioningUI(defaults.getSession(), defaults.getProfileId(), policy);
        BundleContext context = FrameworkUtil.getBundle(OpenPluginsHandler.class).getBundleContext();
        ServiceReference<ChatSession> reference = context.getServiceReference(ChatSession.class);
        ChatSession session = reference == null ? null : context.getService(reference);
        try {
            new PluginsDialog(HandlerUtil.getActiveShellChecked(event), ui, Optional.ofNullable(session)).open();
        } finally {
            if (session != null) {
                context.ungetService(reference);
            }
        }
        return null;
    }
}
