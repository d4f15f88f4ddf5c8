package org.confab.client.ui.internal;

import org.confab.client.ui.ChatSession;
import org.confab.client.ui.ClientSettings;
import org.confab.client.ui.UiVariables;
import org.confab.client.ui.internal.model.ChatController;
import org.confab.client.ui.internal.session.SavedPasswords;
import org.confab.client.ui.internal.views.DisplayExecutor;
import org.confab.client.ui.internal.views.WindowAttention;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.application.IWorkbenchConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchAdvisor;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;

/**
 * Creates the {@link ChatController} for the workbench and publishes it in the workbench context,
 * where parts find it ({@code getSite().getService(ChatController.class)}); opens one window on the
 * Chat perspective.
 */
final class ConfabWorkbenchAdvisor extends WorkbenchAdvisor {
    private final ChatSession session;
    private final ClientSettings settings;
    private final SavedPasswords passwords;
    private ChatController controller;

    ConfabWorkbenchAdvisor(ChatSession session, ClientSettings settings, SavedPasswords passwords) {
        this.session = session;
        this.settings = settings;
        this.passwords = passwords;
    }

    @Override
    public void initialize(IWorkbenchConfigurer configurer) {
        super.initialize(configurer);
        configurer.setSaveAndRestore(false);
        IWorkbench workbench = configurer.getWorkbench();
        controller = new ChatController(session, new DisplayExecutor(workbench.getDisplay()),
                new WindowAttention(workbench, () -> settings), System::currentTimeMillis);
        controller.readReceipts(() -> org.confab.client.ui.internal.prefs.Preferences.flag(
                org.confab.client.ui.internal.prefs.Preferences.READ_RECEIPTS, true));
        controller.start();
        IEclipseContext context = workbench.getService(IEclipseContext.class);
        context.set(ChatController.class, controller);
        context.set(UiVariables.ADMINISTRATOR, Boolean.FALSE);
    }

    @Override
    public String getInitialWindowPerspectiveId() {
        return ChatPerspective.ID;
    }

    @Override
    public WorkbenchWindowAdvisor createWorkbenchWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
        return new ChatWindowAdvisor(configurer, controller, settings, passwords);
    }

    @Override
    public void postShutdown() {
        controller.stop();
        session.logout();
    }
}
