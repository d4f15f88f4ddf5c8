package org.confab.client.ui;

import org.eclipse.swt.widgets.Shell;
import org.osgi.annotation.versioning.ProviderType;

/** The contact a {@link ContactAction} was chosen for. */
@ProviderType
public interface ContactContext {

    /** The contact's user name. */
    String username();

    /** The contact's display name (the user name when none is set). */
    String displayName();

    /** Whether the contact is online. */
    boolean online();

    /** The session the contacts list belongs to. */
    ChatSession session();

    /** The window to parent dialogs on. */
    Shell shell();
}
