package org.confab.client.ui.internal.dialogs;

import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.function.Consumer;

import org.confab.client.core.KnownServers;
import org.confab.client.ui.internal.model.TrustQuestion;
import org.eclipse.swt.widgets.Shell;

/**
 * What the login and registration dialogs do when the client library refused the server's certificate:
 * ask the user, and only on an explicit yes remember the fingerprint and try again. The library refuses
 * before anything is sent, so asking afterwards and connecting anew costs one extra handshake and never
 * exposes the password.
 */
final class TrustPrompt {
    private final KnownServers store;

    TrustPrompt(KnownServers store) {
        this.store = store;
    }

    /**
     * Deals with {@code failure} if it is a refused certificate: shows the fingerprint, then either
     * remembers it and runs {@code retry}, or passes the reason for not connecting to {@code refused}.
     *
     * @return whether the failure was about trust (and so has been dealt with here)
     */
    boolean handle(Shell parent, Throwable failure, Runnable retry, Consumer<String> refused) {
        Optional<TrustQuestion> question = TrustQuestion.of(failure);
        if (question.isEmpty()) {
            return false;
        }
        TrustQuestion asked = question.get();
        if (new ServerIdentityDialog(parent, asked).open() != ServerIdentityDialog.ACCEPT) {
            refused.accept(asked.refusedMessage());
            return true;
        }
        try {
            store.remember(asked.server(), asked.presented());
        } catch (UncheckedIOException | IllegalStateException e) {
            refused.accept("Could not remember the server in " + store.file() + ": " + e.getMessage());
            return true;
        }
        retry.run();
        return true;
    }
}
