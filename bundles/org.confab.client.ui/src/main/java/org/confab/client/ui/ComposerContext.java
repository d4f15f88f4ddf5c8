package org.confab.client.ui;

import org.osgi.annotation.versioning.ProviderType;

/** One conversation's composer, as a {@link ComposerAction} sees it. */
@ProviderType
public interface ComposerContext extends ConversationContext {

    /** What the user has typed and not sent yet. */
    String composerText();

    /** Inserts text at the composer's caret (replacing a selection), without sending it. */
    void insertIntoComposer(String text);
}
