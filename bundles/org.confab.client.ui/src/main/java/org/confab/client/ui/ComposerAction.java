package org.confab.client.ui;

import java.net.URL;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A button in the toolbar next to every conversation's composer (attach a file, insert a dice roll):
 * register an implementation as an OSGi service; it appears in every open and later conversation,
 * ordered by {@code service.ranking}, and disappears with the service. The properties of
 * {@link ContributionProperties} apply, in particular {@link ContributionProperties#REQUIRED_CAPABILITY}.
 * Methods are called on the display thread; {@link #run} must not block it.
 */
@ConsumerType
public interface ComposerAction {

    /** The button's text. */
    String label();

    /** The tooltip; defaults to the label. */
    default String tooltip() {
        return label();
    }

    /** An icon (16x16), shown instead of the label when present. */
    default Optional<URL> icon() {
        return Optional.empty();
    }

    /** Performs the action for one conversation's composer. */
    void run(ComposerContext context);
}
