package org.confab.client.ui.internal.views;

import java.util.Optional;

import org.confab.client.ui.ConversationAction;
import org.confab.client.ui.ConversationContext;
import org.confab.client.ui.internal.session.ConversationActionRegistry;
import org.confab.client.ui.internal.session.ConversationActionRegistry.Contribution;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.ActionContributionItem;
import org.eclipse.jface.action.ToolBarManager;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.ui.menus.IMenuService;

/**
 * The toolbar of one conversation: the {@link ConversationAction} services of the whiteboard, then the
 * menu contributions to {@link ConversationEditor#TOOLBAR_LOCATION}. Rebuilt when services come or go.
 */
final class ConversationToolbar {
    private final ToolBarManager toolbar;
    private final ConversationContext context;
    private final IMenuService menus;
    private final Optional<ConversationActionRegistry> registry;
    private final Runnable changed;

    ConversationToolbar(ToolBarManager toolbar, ConversationContext context, IMenuService menus,
            Optional<ConversationActionRegistry> registry) {
        this.toolbar = toolbar;
        this.context = context;
        this.menus = menus;
        this.registry = registry;
        DisplayExecutor display = new DisplayExecutor(toolbar.getControl().getDisplay());
        this.changed = () -> display.execute(this::rebuild);
        registry.ifPresent(r -> r.addObserver(changed));
        rebuild();
    }

    void dispose() {
        registry.ifPresent(r -> r.removeObserver(changed));
        if (menus != null) {
            menus.releaseContributions(toolbar);
        }
    }

    private void rebuild() {
        if (toolbar.getControl() == null || toolbar.getControl().isDisposed()) {
            return;
        }
        if (menus != null) {
            menus.releaseContributions(toolbar);
        }
        toolbar.removeAll();
        registry.ifPresent(r -> r.contributions().forEach(this::add));
        if (menus != null) {
            menus.populateContributionManager(toolbar, ConversationEditor.TOOLBAR_LOCATION);
        }
        toolbar.update(true);
        toolbar.getControl().getParent().layout(true);
    }

    private void add(Contribution contribution) {
        ConversationAction action = contribution.action();
        Action item = new Action(action.label()) {
            @Override
            public void run() {
                action.run(context);
            }
        };
        item.setId(contribution.id());
        item.setToolTipText(action.tooltip());
        action.icon().ifPresent(url -> item.setImageDescriptor(ImageDescriptor.createFromURL(url)));
        item.setEnabled(action.isEnabled(context));
        toolbar.add(new ActionContributionItem(item));
    }
}
