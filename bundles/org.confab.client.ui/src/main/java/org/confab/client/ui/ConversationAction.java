package org.confab.client.ui;

import java.net.URL;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * An action offered in the toolbar of every conversation: the whiteboard through which plugins (file
 * transfer, screenshots, third parties) add to the chat window. Register an implementation as an OSGi
 * service, for example with {@code @Component(service = ConversationAction.class)}; every open and
 * later conversation shows it, ordered by {@code service.ranking} (highest first), and it disappears
 * when the service goes away. Methods are called on the display thread; {@link #run} must not block
 * it (use {@link ConversationContext#session()}'s futures or a background thread for slow work).
 */
@ConsumerType
public interface ConversationAction {

    /** Optional service property: a stable id, also set as widget data for tests. */
    String ID_PROPERTY = "confab.action.id";

    /** The button's text. */
    String label();

    /** The tooltip; defaults to the label. */
    default String tooltip() {
        return label();
    }

    /** An icon (16x16 PNG or SVG in the plugin), shown instead of the label when present. */
    default Optional<URL> icon() {
        return Optional.empty();
    }

    /** Whether the action applies to this conversation right now. */
    default boolean isEnabled(ConversationContext context) {
        return true;
    }

    /** Performs the action for one conversation. */
    void run(ConversationContext context);
}
