package org.confab.client.ui;

import java.nio.file.Path;
import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Takes files the user drops onto a conversation (its transcript or composer), for example to offer
 * them to the peer. Registered as an OSGi service; of the handlers that {@link #accepts} the files, the
 * one with the highest {@code service.ranking} gets them. Handlers whose
 * {@link ContributionProperties#REQUIRED_CAPABILITY} the server lacks are skipped. Called on the display
 * thread; do slow work elsewhere.
 */
@ConsumerType
public interface ComposerDropHandler {

    /** Whether this handler takes these files; by default it takes any. */
    default boolean accepts(List<Path> files) {
        return true;
    }

    /** The user dropped files onto the conversation. */
    void drop(ConversationContext context, List<Path> files);
}
