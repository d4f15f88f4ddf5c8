package org.confab.client.ui.internal;

import java.util.Optional;

import org.confab.client.core.LoginResult;
import org.confab.client.ui.ClientSettings;
import org.confab.client.ui.UiVariables;
import org.confab.client.ui.WidgetIds;
import org.confab.client.ui.ServerAddress;
import org.confab.client.ui.internal.dialogs.ChangePasswordDialog;
import org.confab.client.ui.internal.dialogs.LoginDialog;
import org.confab.client.ui.internal.model.ChatController;
import org.confab.client.ui.internal.model.ConnectionStatus;
import org.confab.client.ui.internal.model.ServerNotice;
import org.confab.client.ui.internal.session.SavedPasswords;
import org.confab.client.ui.internal.views.ConversationEditor;
import org.confab.client.ui.internal.views.WindowAttention;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IPartListener2;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchPartReference;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.WorkbenchException;
import org.eclipse.ui.application.ActionBarAdvisor;
import org.eclipse.ui.application.IActionBarConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;

/**
 * The chat window: shows the login dialog over it once it is open, keeps the unread count in the
 * title, marks a conversation read when it is in view in the focused window, and shows what the
 * server says to the user (a kick with its reason, an administrator's notice). It publishes whether
 * the user is an administrator ({@link UiVariables#ADMINISTRATOR}) for plugins' menus.
 */
final class ChatWindowAdvisor extends WorkbenchWindowAdvisor {
    /** Shell id of the dialog that says why the server ended the session. */
    static final String SESSION_ENDED_SHELL_ID = "session.ended";
    /** Shell id of the confirmation that the password was changed. */
    static final String PASSWORD_CHANGED_SHELL_ID = "passwd.done";
    /** Shell id of an administrator's notice. */
    static final String NOTICE_SHELL_ID = "admin.notice";
    private static final System.Logger LOG = System.getLogger(ChatWindowAdvisor.class.getName());

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
        return new ChatActionBarAdvisor(configurer, controller, this::logOut, this::changePassword);
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
        // where the desktop has a tray: the unread count there, a click brings the window up
        org.confab.client.ui.internal.views.TrayBadge.install(window.getShell(), controller.unread());
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
        controller.addNoticeObserver(notice -> window.getShell().getDisplay().asyncExec(() -> show(notice)));
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
            LoginResult user = dialog.result().get();
            controller.loggedIn(user);
            publishRole(user.admin());
        } else {
            getWindowConfigurer().getWorkbenchConfigurer().getWorkbench().close();
        }
    }

    private void logOut() {
        endSession();
        logIn();
    }

    /**
     * Confab &gt; Change Password. A password the user chose to remember is replaced by the new one, so
     * the next login does not fail with the old one.
     */
    private void changePassword() {
        Shell shell = getWindowConfigurer().getWindow().getShell();
        Optional<String> user = controller.self();
        // saved passwords are kept under the server list the user logged in with (a cluster's nodes)
        Optional<String> server = Optional.of(ServerAddress.format(controller.session().servers()))
                .filter(list -> !list.isEmpty());
        if (user.isEmpty() || server.isEmpty()) {
            return;
        }
        ChangePasswordDialog dialog = new ChangePasswordDialog(shell, controller.session(), user.get());
        if (dialog.open() != Window.OK) {
            return;
        }
        if (passwords.load(server.get(), user.get()).isPresent()) {
            passwords.save(server.get(), user.get(), dialog.newPassword());
        }
        MessageDialog done = new MessageDialog(shell, "Password changed", null,
                "Your password is changed. Use the new one the next time you log in.", MessageDialog.INFORMATION, 0,
                IDialogConstants.OK_LABEL) {
            @Override
            protected void configureShell(Shell newShell) {
                super.configureShell(newShell);
                WidgetIds.name(newShell, PASSWORD_CHANGED_SHELL_ID);
            }
        };
        done.open();
    }

    private void endSession() {
        IWorkbenchPage page = getWindowConfigurer().getWindow().getActivePage();
        if (page != null) {
            page.closeAllEditors(false);
        }
        controller.session().logout();
        controller.loggedOut();
        WindowAttention.closePopups(getWindowConfigurer().getWindow().getShell().getDisplay());
        publishRole(false);
    }

    /**
     * Tells plugins' menus whether the user is an administrator; a user who is not leaves any
     * administrators' perspective for the chat (its views would only show the server's refusals).
     */
    private void publishRole(boolean admin) {
        IWorkbenchWindow window = getWindowConfigurer().getWindow();
        window.getWorkbench().getService(IEclipseContext.class).set(UiVariables.ADMINISTRATOR, admin);
        IWorkbenchPage page = window.getActivePage();
        if (!admin && page != null && page.getPerspective() != null
                && !ChatPerspective.ID.equals(page.getPerspective().getId())) {
            try {
                window.getWorkbench().showPerspective(ChatPerspective.ID, window);
            } catch (WorkbenchException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot switch back to the chat perspective", e);
            }
        }
    }

    /**
     * A session the server ended (kicked, locked, deleted, replaced) is over: say why, then offer the
     * login dialog again. A notice only informs and does not block the window.
     */
    private void show(ServerNotice notice) {
        Shell shell = getWindowConfigurer().getWindow().getShell();
        if (shell == null || shell.isDisposed()) {
            return;
        }
        if (notice.endsSession()) {
            if (controller.self().isEmpty()) {
                return;
            }
            endSession();
            MessageDialog ended = dialog(shell, notice, MessageDialog.WARNING, SESSION_ENDED_SHELL_ID);
            ended.open();
            logIn();
        } else {
            MessageDialog announcement = dialog(shell, notice, MessageDialog.INFORMATION, NOTICE_SHELL_ID);
            announcement.setBlockOnOpen(false);
            announcement.open();
        }
    }

    private static MessageDialog dialog(Shell shell, ServerNotice notice, int kind, String id) {
        return new MessageDialog(shell, notice.title(), null, notice.text(), kind, 0, IDialogConstants.OK_LABEL) {
            @Override
            protected void configureShell(Shell newShell) {
                super.configureShell(newShell);
                WidgetIds.name(newShell, id);
            }

            @Override
            protected int getShellStyle() {
                return notice.endsSession() ? super.getShellStyle() : SWT.DIALOG_TRIM | SWT.MODELESS;
            }
        };
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
