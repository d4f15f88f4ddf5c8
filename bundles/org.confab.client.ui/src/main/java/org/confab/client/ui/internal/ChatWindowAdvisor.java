package org.confab.client.ui.internal;

import org.confab.client.ui.ClientSettings;
import org.confab.client.ui.internal.dialogs.LoginDialog;
import org.confab.client.ui.internal.model.ChatController;
import org.confab.client.ui.internal.model.ConnectionStatus;
import org.confab.client.ui.internal.session.SavedPasswords;
import org.confab.client.ui.internal.views.ConversationEditor;
import org.confab.client.ui.internal.views.WindowAttention;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IPartListener2;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchPartReference;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.application.ActionBarAdvisor;
import org.eclipse.ui.application.IActionBarConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;

/**
 * The chat window: shows the login dialog over it once it is open, keeps the unread count in the
 * title, and marks a conversation read when it is in view in the focused window.
 */
final class ChatWindowAdvisor extends WorkbenchWindowAdvisor {
    private final ChatController controller;
    private final ClientSettings settings;
    private final SavedPasswords passwords;

    ChatWindowAdvisor(IWorkbenchWindowConfigurer configurer, ChatController controller, ClientSettings settings,
            SavedPasswords passwords) {
        super(configurer);
        this.controller = controller;
        this.settings = settings;
        this.passwords = passwords;
    }

    @Override
    public ActionBarAdvisor createActionBarAdvisor(IActionBarConfigurer configurer) {
        return new ChatActionBarAdvisor(configurer, controller, this::logOut);
    }

    @Override
    public void preWindowOpen() {
        IWorkbenchWindowConfigurer window = getWindowConfigurer();
        window.setInitialSize(new Point(1100, 720));
        window.setShowPerspectiveBar(false);
        window.setShowCoolBar(false);
        window.setShowMenuBar(true);
        window.setShowStatusLine(true);
        window.setTitle(ConnectionStatus.windowTitle("", 0));
    }

    @Override
    public void postWindowOpen() {
        IWorkbenchWindow window = getWindowConfigurer().getWindow();
        Runnable title = () -> getWindowConfigurer()
                .setTitle(ConnectionStatus.windowTitle(controller.self().orElse(""), controller.unread().total()));
        controller.unread().addObserver(title);
        controller.addConnectionObserver(title);
        window.getPartService().addPartListener(new IPartListener2() {
            @Override
            public void partVisible(IWorkbenchPartReference reference) {
                markRead(window, reference);
            }

            @Override
            public void partActivated(IWorkbenchPartReference reference) {
                markRead(window, reference);
            }
        });
        window.getShell().addListener(SWT.Activate, e -> markVisibleRead(window));
        window.getShell().getDisplay().asyncExec(this::logIn);
    }

    /** Shows the login dialog; quitting it ends the application. */
    void logIn() {
        Shell shell = getWindowConfigurer().getWindow().getShell();
        if (shell == null || shell.isDisposed()) {
            return;
        }
        LoginDialog dialog = new LoginDialog(shell, controller.session(), settings, passwords);
        if (dialog.open() == Window.OK && dialog.result().isPresent()) {
            controller.loggedIn(dialog.result().get());
        } else {
            getWindowConfigurer().getWorkbenchConfigurer().getWorkbench().close();
        }
    }

    private void logOut() {
        IWorkbenchPage page = getWindowConfigurer().getWindow().getActivePage();
        if (page != null) {
            page.closeAllEditors(false);
        }
        controller.session().logout();
        controller.loggedOut();
        logIn();
    }

    private void markRead(IWorkbenchWindow window, IWorkbenchPartReference reference) {
        if (reference.getPart(false) instanceof ConversationEditor editor && WindowAttention.focused(window)
                && window.getActivePage() != null && window.getActivePage().isPartVisible(editor)) {
            controller.viewed(editor.peer());
        }
    }

    private void markVisibleRead(IWorkbenchWindow window) {
        IWorkbenchPage page = window.getActivePage();
        if (page != null) {
            for (var reference : page.getEditorReferences()) {
                markRead(window, reference);
            }
        }
    }
}
