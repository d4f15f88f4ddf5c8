package org.confab.client.ui;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * An item in the context menu of the contacts list (send a file, view a profile): register an
 * implementation as an OSGi service; the menu offers it for the selected contact from then on, ordered by
 * {@code service.ranking}, until the service goes away. The properties of {@link ContributionProperties}
 * apply. Methods are called on the display thread; {@link #run} must not block it.
 */
@ConsumerType
public interface ContactAction {

    /** The menu item's text. */
    String label();

    /** The tooltip; defaults to the label. */
    default String tooltip() {
        return label();
    }

    /** Whether the action applies to this contact now (offline contacts, say). */
    default boolean isEnabled(ContactContext contact) {
        return true;
    }

    /** Performs the action for the selected contact. */
    void run(ContactContext contact);
}
