package org.confab.client.ui.internal;

import org.confab.client.ui.ContactsView;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/** Contacts on the left, conversations in the editor area. */
public class ChatPerspective implements IPerspectiveFactory {
    public static final String ID = "org.confab.client.ui.perspective.chat";

    @Override
    public void createInitialLayout(IPageLayout layout) {
        layout.setEditorAreaVisible(true);
        layout.addView(ContactsView.ID, IPageLayout.LEFT, 0.28f, layout.getEditorArea());
    }
}
