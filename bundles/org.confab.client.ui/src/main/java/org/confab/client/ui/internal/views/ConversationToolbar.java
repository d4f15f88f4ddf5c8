package org.confab.client.ui.internal.views;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.confab.client.ui.ConversationAction;
import org.confab.client.ui.ConversationContext;
import org.confab.client.ui.internal.session.Whiteboard;
import org.eclipse.jface.action.ActionContributionItem;
import org.eclipse.jface.action.ToolBarManager;
import org.eclipse.ui.menus.IMenuService;

/**
 * The toolbar of one conversation: the {@link ConversationAction} services of the whiteboard, then the
 * menu contributions to {@link ConversationEditor#TOOLBAR_LOCATION}. Rebuilt when services come or go
 * and when the session changes (another server may offer other capabilities).
 */
final class ConversationToolbar extends WhiteboardToolbar<ConversationAction> {
    private final ConversationContext context;
    private final IMenuService menus;

    ConversationToolbar(ToolBarManager toolbar, ConversationContext context, IMenuService menus,
            Optional<Whiteboard<ConversationAction>> actions, Supplier<Map<String, String>> capabilities) {
        super(toolbar, actions, capabilities);
        this.context = context;
        this.menus = menus;
        rebuild();
    }

    @Override
    void dispose() {
        super.dispose();
        if (menus != null) {
            menus.releaseContributions(toolbar);
        }
    }

    @Override
    void beforeRebuild() {
        if (menus != null) {
            menus.releaseContributions(toolbar);
        }
    }

    @Override
    void afterRebuild() {
        if (menus != null) {
            menus.populateContributionManager(toolbar, ConversationEditor.TOOLBAR_LOCATION);
        }
    }

    @Override
    ActionContributionItem item(Whiteboard.Entry<ConversationAction> entry, Map<String, String> capabilities) {
        ConversationAction action = entry.service();
        return new ActionContributionItem(ContributedActions.action(entry, capabilities, action.label(),
                action.tooltip(), action.icon(), () -> action.isEnabled(context), () -> action.run(context)));
    }
}
