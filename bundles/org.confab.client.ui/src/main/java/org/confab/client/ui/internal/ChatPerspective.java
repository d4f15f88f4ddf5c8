package org.confab.client.ui.internal;

import org.confab.client.ui.internal.views.ContactsView;
import org.confab.client.ui.internal.views.HistoryView;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/** Contacts on the left, conversations in the editor area, history below them. */
public class ChatPerspective implements IPerspectiveFactory {
    public static final String ID = "org.confab.client.ui.perspective.chat";

    @Override
    public void createInitialLayout(IPageLayout layout) {
        layout.setEditorAreaVisible(true);
        layout.addView(ContactsView.ID, IPageLayout.LEFT, 0.26f, layout.getEditorArea());
        layout.addView(HistoryView.ID, IPageLayout.BOTTOM, 0.66f, layout.getEditorArea());
        layout.getViewLayout(ContactsView.ID).setCloseable(false);
    }
}
