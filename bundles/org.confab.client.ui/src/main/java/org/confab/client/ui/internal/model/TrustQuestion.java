package org.confab.client.ui.internal.model;

import java.util.Optional;

import org.confab.client.core.UntrustedServerException;
import org.confab.protocol.Fingerprint;

/**
 * What to ask the user when the client library refused a server's TLS certificate, and the words for
 * it. A server seen for the first time gets a plain question (trust on first use); a server whose
 * certificate differs from the remembered one gets a warning whose default answer is not to connect and
 * whose accepting answer is worded differently and needs an extra confirmation, so that nobody replaces
 * a remembered identity by pressing Enter out of habit.
 *
 * @param server {@code host:port}, the key under which the fingerprint is remembered
 * @param presented the fingerprint of the certificate the server presented
 * @param remembered the fingerprint remembered for the server, empty for a new server
 */
public record TrustQuestion(String server, Fingerprint presented, Optional<Fingerprint> remembered) {

    /** The question behind a failed connect, login or registration, if the certificate was the reason. */
    public static Optional<TrustQuestion> of(Throwable failure) {
        return Problems.unwrap(failure) instanceof UntrustedServerException untrusted
                ? Optional.of(new TrustQuestion(untrusted.serverAddress(), untrusted.presented(), untrusted.expected()))
                : Optional.empty();
    }

    /** Whether the server presents a different certificate than the remembered one. */
    public boolean changed() {
        return remembered.isPresent();
    }

    public String title() {
        return changed() ? "Server identity changed" : "New server: check its identity";
    }

    public String message() {
        if (changed()) {
            return "WARNING: the server at " + server + " presents a different certificate than the one this "
                    + "computer remembers for it.\n\n"
                    + "Someone may be intercepting the connection to read your messages and password (an attack), "
                    + "or the server was reinstalled or given a new certificate.\n\n"
                    + "Do not connect unless the server's administrator confirms the NEW fingerprint below. "
                    + "Nothing has been sent to the server.";
        }
        return "This is the first connection to " + server + " from this computer. Compare the certificate "
                + "fingerprint below with the one the server's administrator gave you. If they match, trust "
                + "the server: it is remembered, and you are warned if it ever presents another certificate.";
    }

    /** The label of the button that accepts the presented certificate. */
    public String acceptLabel() {
        return changed() ? "Replace and Connect" : "Trust and Connect";
    }

    /** The label of the safe button. */
    public String refuseLabel() {
        return changed() ? "Don't Connect" : "Cancel";
    }

    /** Whether Enter accepts: only for a new server; a changed one defaults to not connecting. */
    public boolean acceptIsDefault() {
        return !changed();
    }

    /** The check box that must be ticked before accepting, if any. */
    public Optional<String> confirmation() {
        return changed()
                ? Optional.of("I have checked the new fingerprint with the server's administrator; replace the remembered one")
                : Optional.empty();
    }

    /** What the login or registration form says when the user did not accept. */
    public String refusedMessage() {
        return changed()
                ? "Not connected: the identity of " + server + " has changed. Check the new fingerprint with the "
                        + "server's administrator before you connect."
                : "Not connected: you did not trust the server at " + server + ". Nothing was sent to it.";
    }
}
