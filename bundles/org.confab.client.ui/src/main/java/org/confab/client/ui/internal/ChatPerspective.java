package org.confab.client.ui.internal;

import org.confab.client.ui.internal.views.ContactsView;
import org.confab.client.ui.internal.views.HistoryView;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/**
 * Contacts on the left, conversations in the editor area, history below them. The history takes a
 * quarter of the height: the chat is what people read (a dozen lines and more even in a small window),
 * and the history view can be maximised when searching.
 */
public class ChatPerspective implements IPerspectiveFactory {
    public static final String ID = "org.confab.client.ui.perspective.chat";
    /** The share of the height above the history view. */
    private static final float HISTORY_BELOW = 0.75f;

    @Override
    public void createInitialLayout(IPageLayout layout) {
        layout.setEditorAreaVisible(true);
        layout.addView(ContactsView.ID, IPageLayout.LEFT, 0.26f, layout.getEditorArea());
        layout.addView(HistoryView.ID, IPageLayout.BOTTOM, HISTORY_BELOW, layout.getEditorArea());
        layout.getViewLayout(ContactsView.ID).setCloseable(false);
    }
}
