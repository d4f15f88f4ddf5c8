package org.confab.client.ui.internal.views;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.confab.client.ui.ComposerAction;
import org.confab.client.ui.ComposerContext;
import org.confab.client.ui.internal.session.Whiteboard;
import org.eclipse.jface.action.ActionContributionItem;
import org.eclipse.jface.action.ToolBarManager;

/** The buttons plugins put next to a conversation's composer ({@link ComposerAction}s). */
final class ComposerToolbar extends WhiteboardToolbar<ComposerAction> {
    private final ComposerContext context;

    ComposerToolbar(ToolBarManager toolbar, ComposerContext context, Optional<Whiteboard<ComposerAction>> actions,
            Supplier<Map<String, String>> capabilities) {
        super(toolbar, actions, capabilities);
        this.context = context;
        rebuild();
    }

    @Override
    ActionContributionItem item(Whiteboard.Entry<ComposerAction> entry, Map<String, String> capabilities) {
        ComposerAction action = entry.service();
        return new ActionContributionItem(ContributedActions.action(entry, capabilities, action.label(),
                action.tooltip(), action.icon(), () -> true, () -> action.run(context)));
    }
}
