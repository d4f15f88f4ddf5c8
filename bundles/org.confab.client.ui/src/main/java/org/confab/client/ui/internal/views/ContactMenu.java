package org.confab.client.ui.internal.views;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.confab.client.ui.ChatSession;
import org.confab.client.ui.ContactAction;
import org.confab.client.ui.ContactContext;
import org.confab.client.ui.internal.model.Contact;
import org.confab.client.ui.internal.session.Whiteboard;
import org.eclipse.jface.action.ActionContributionItem;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.Shell;

/**
 * The context menu of the contacts list: the {@link ContactAction} services for the selected contact.
 * Filled each time it opens, so it always shows the services and capabilities of that moment.
 */
final class ContactMenu {
    private final Optional<Whiteboard<ContactAction>> actions;
    private final Supplier<Map<String, String>> capabilities;
    private final ChatSession session;

    ContactMenu(Optional<Whiteboard<ContactAction>> actions, Supplier<Map<String, String>> capabilities,
            ChatSession session) {
        this.actions = actions;
        this.capabilities = capabilities;
        this.session = session;
    }

    /** Gives the viewer's table its context menu. */
    Menu attach(TableViewer viewer) {
        MenuManager manager = new MenuManager("#ContactActions");
        manager.setRemoveAllWhenShown(true);
        manager.addMenuListener(menu -> fill(menu, viewer));
        Menu menu = manager.createContextMenu(viewer.getTable());
        viewer.getTable().setMenu(menu);
        return menu;
    }

    private void fill(org.eclipse.jface.action.IMenuManager menu, TableViewer viewer) {
        Object selected = ((IStructuredSelection) viewer.getSelection()).getFirstElement();
        if (!(selected instanceof Contact contact)) {
            return;
        }
        ContactContext context = context(contact, viewer.getTable().getShell());
        Map<String, String> offered = capabilities.get();
        actions.map(Whiteboard::entries).orElse(java.util.List.of()).forEach(entry -> {
            ContactAction action = entry.service();
            menu.add(new ActionContributionItem(ContributedActions.action(entry, offered, action.label(),
                    action.tooltip(), Optional.empty(), () -> action.isEnabled(context), () -> action.run(context))));
        });
    }

    private ContactContext context(Contact contact, Shell shell) {
        return new ContactContext() {
            @Override
            public String username() {
                return contact.username();
            }

            @Override
            public String displayName() {
                return contact.displayName();
            }

            @Override
            public boolean online() {
                return contact.online();
            }

            @Override
            public ChatSession session() {
                return session;
            }

            @Override
            public Shell shell() {
                return shell;
            }
        };
    }
}
