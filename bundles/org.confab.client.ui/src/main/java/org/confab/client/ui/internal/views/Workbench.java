package org.confab.client.ui.internal.views;

import java.util.Optional;

import org.confab.client.ui.internal.model.ChatController;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.services.IServiceLocator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

/** Small helpers the parts share: finding the controller and services, opening conversations. */
public final class Workbench {
    private static final System.Logger LOG = System.getLogger(Workbench.class.getName());

    private Workbench() {
    }

    /** The window's {@link ChatController}, published in the workbench context at startup. */
    public static ChatController controller(IServiceLocator locator) {
        ChatController controller = locator.getService(ChatController.class);
        if (controller == null) {
            throw new IllegalStateException("no ChatController in the workbench context");
        }
        return controller;
    }

    /** An OSGi service, looked up through this bundle. */
    public static <T> Optional<T> service(Class<T> type) {
        BundleContext context = FrameworkUtil.getBundle(Workbench.class).getBundleContext();
        ServiceReference<T> reference = context == null ? null : context.getServiceReference(type);
        return reference == null ? Optional.empty() : Optional.ofNullable(context.getService(reference));
    }

    /** Opens (or brings up) the conversation with a peer. */
    public static Optional<ConversationEditor> openConversation(IWorkbenchWindow window, String peer, boolean activate) {
        IWorkbenchPage page = window.getActivePage();
        if (page == null) {
            return Optional.empty();
        }
        ChatController controller = controller(window);
        String name = controller.contacts().displayName(peer);
        try {
            return Optional.of((ConversationEditor) page.openEditor(new ConversationInput(peer, name),
                    ConversationEditor.ID, activate));
        } catch (PartInitException e) {
            LOG.log(System.Logger.Level.ERROR, "cannot open the conversation with " + peer, e);
            return Optional.empty();
        }
    }
}
