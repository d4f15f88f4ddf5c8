package org.confab.client.ui.internal;

import org.confab.client.ui.internal.help.AboutDialog;
import org.confab.client.ui.internal.help.KeyBindings;
import org.confab.client.ui.internal.help.KeysDialog;
import org.confab.client.ui.internal.model.ChatController;
import org.confab.client.ui.internal.views.ConnectionStatusItem;
import org.confab.client.ui.internal.views.ContactsView;
import org.confab.client.ui.internal.views.HistoryView;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.IStatusLineManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.GroupMarker;
import org.eclipse.jface.action.Separator;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.application.ActionBarAdvisor;
import org.eclipse.ui.application.IActionBarConfigurer;
import org.eclipse.ui.keys.IBindingService;

/**
 * Menus (Confab, View, Window, Help) and the connection state in the status line. Plugins add to the
 * Help menu at {@code menu:help?after=additions}, between the keys page and About.
 */
final class ChatActionBarAdvisor extends ActionBarAdvisor {
    private final ChatController controller;
    private final Runnable logOut;
    private final Runnable changePassword;
    private IAction quit;
    private IAction preferences;
    private IAction logOutAction;
    private IAction changePasswordAction;
    private IAction contacts;
    private IAction history;
    private IAction progress;
    private IAction about;
    private IAction keys;

    ChatActionBarAdvisor(IActionBarConfigurer configurer, ChatController controller, Runnable logOut,
            Runnable changePassword) {
        super(configurer);
        this.controller = controller;
        this.logOut = logOut;
        this.changePassword = changePassword;
    }

    @Override
    protected void makeActions(IWorkbenchWindow window) {
        quit = ActionFactory.QUIT.create(window);
        register(quit);
        preferences = ActionFactory.PREFERENCES.create(window);
        register(preferences);
        logOutAction = new Action("Log &Out") {
            @Override
            public void run() {
                logOut.run();
            }
        };
        changePasswordAction = new Action("Change &Password\u2026") {
            @Override
            public void run() {
                changePassword.run();
            }
        };
        contacts = showView(window, "&Contacts", ContactsView.ID);
        history = showView(window, "&History and Search", HistoryView.ID);
        progress = showView(window, "&Progress", IPageLayout.ID_PROGRESS_VIEW);
        about = new Action("&About Confab") {
            @Override
            public void run() {
                new AboutDialog(window.getShell(), controller.session()).open();
            }
        };
        keys = new Action("&Keyboard Shortcuts\u2026") {
            @Override
            public void run() {
                new KeysDialog(window.getShell(), KeyBindings.all(window.getWorkbench().getService(IBindingService.class)))
                        .open();
            }
        };
    }

    @Override
    protected void fillMenuBar(IMenuManager menuBar) {
        MenuManager confab = new MenuManager("&Confab", IWorkbenchActionConstants.M_FILE);
        confab.add(changePasswordAction);
        confab.add(logOutAction);
        confab.add(new Separator());
        confab.add(quit);
        MenuManager view = new MenuManager("&View", "view");
        view.add(contacts);
        view.add(history);
        view.add(progress);
        MenuManager windowMenu = new MenuManager("&Window", IWorkbenchActionConstants.M_WINDOW);
        windowMenu.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));
        windowMenu.add(preferences);
        menuBar.add(confab);
        menuBar.add(view);
        menuBar.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));
        menuBar.add(windowMenu);
        MenuManager help = new MenuManager("&Help", IWorkbenchActionConstants.M_HELP);
        help.add(keys);
        help.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
        help.add(new Separator());
        help.add(about);
        menuBar.add(help);
    }

    @Override
    protected void fillStatusLine(IStatusLineManager statusLine) {
        statusLine.add(new ConnectionStatusItem(controller));
    }

    private static IAction showView(IWorkbenchWindow window, String label, String id) {
        return new Action(label) {
            @Override
            public void run() {
                try {
                    window.getActivePage().showView(id);
                } catch (PartInitException e) {
                    System.getLogger(ChatActionBarAdvisor.class.getName()).log(System.Logger.Level.ERROR,
                            "cannot show " + id, e);
                }
            }
        };
    }
}
