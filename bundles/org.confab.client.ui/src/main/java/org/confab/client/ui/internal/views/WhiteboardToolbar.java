package org.confab.client.ui.internal.views;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.confab.client.ui.internal.session.Whiteboard;
import org.eclipse.jface.action.ActionContributionItem;
import org.eclipse.jface.action.ToolBarManager;

/**
 * A toolbar that shows the contributions of one whiteboard and is rebuilt on the display thread
 * whenever they change or the session (and with it the server's capabilities) changes.
 */
abstract class WhiteboardToolbar<T> {
    final ToolBarManager toolbar;
    private final Optional<Whiteboard<T>> whiteboard;
    private final Supplier<Map<String, String>> capabilities;
    private final Runnable changed;

    WhiteboardToolbar(ToolBarManager toolbar, Optional<Whiteboard<T>> whiteboard,
            Supplier<Map<String, String>> capabilities) {
        this.toolbar = toolbar;
        this.whiteboard = whiteboard;
        this.capabilities = capabilities;
        DisplayExecutor display = new DisplayExecutor(toolbar.getControl().getDisplay());
        this.changed = () -> display.execute(this::rebuild);
        whiteboard.ifPresent(w -> w.addObserver(changed));
    }

    /** Call when the session changed (login, reconnect): capabilities may differ. */
    final Runnable sessionObserver() {
        return changed;
    }

    void dispose() {
        whiteboard.ifPresent(w -> w.removeObserver(changed));
    }

    void beforeRebuild() {
    }

    void afterRebuild() {
    }

    abstract ActionContributionItem item(Whiteboard.Entry<T> entry, Map<String, String> capabilities);

    final void rebuild() {
        if (toolbar.getControl() == null || toolbar.getControl().isDisposed()) {
            return;
        }
        beforeRebuild();
        toolbar.removeAll();
        Map<String, String> offered = capabilities.get();
        whiteboard.ifPresent(w -> w.entries().forEach(entry -> toolbar.add(item(entry, offered))));
        afterRebuild();
        toolbar.update(true);
        toolbar.getControl().getParent().layout(true);
    }
}
