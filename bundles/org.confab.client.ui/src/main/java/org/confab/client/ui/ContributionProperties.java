package org.confab.client.ui;

/**
 * Service properties that every contribution of the client's whiteboards understands
 * ({@link ConversationAction}, {@link ComposerAction}, {@link ContactAction}, {@link ComposerDropHandler},
 * {@link ComposerPasteHandler}), besides {@code service.ranking}, which orders them (highest first).
 */
public final class ContributionProperties {

    /** A stable id for the contribution, also set as widget data for tests (String). */
    public static final String ID = ConversationAction.ID_PROPERTY;

    /**
     * The server capability the contribution needs (String, for example {@code x.dice}): while the
     * server of the session did not announce it in {@code hello.ok}, the button or menu item is shown
     * disabled with a tooltip saying why ("the server has no x.dice plugin"), and drop and paste handlers
     * are skipped.
     */
    public static final String REQUIRED_CAPABILITY = "confab.capability.required";

    private ContributionProperties() {
    }
}
