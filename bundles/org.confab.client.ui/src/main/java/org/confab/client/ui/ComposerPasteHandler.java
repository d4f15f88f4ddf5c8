package org.confab.client.ui;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Takes clipboard content that is not plain text (a picture, copied files) pasted into a composer.
 * Registered as an OSGi service; handlers are asked in {@code service.ranking} order (highest first)
 * until one returns true. Plain text is always pasted as text; when no handler takes the content,
 * nothing is pasted. Handlers whose {@link ContributionProperties#REQUIRED_CAPABILITY} the server lacks
 * are skipped. Called on the display thread; do slow work elsewhere.
 */
@ConsumerType
public interface ComposerPasteHandler {

    /** Handles pasted content; false when this handler does not take it. */
    boolean paste(ConversationContext context, PastedContent content);
}
