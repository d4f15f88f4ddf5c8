package org.confab.client.core.internal;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

import org.confab.client.core.ConfabConnectionException;
import org.confab.client.core.ServerAddress;

/**
 * Turns a connected TCP socket into a TLS one and completes the handshake before anything is sent, so
 * neither the handshake frame nor a password reaches a server the {@link org.confab.client.core.ServerTrust}
 * refuses.
 */
final class TlsConnector {
    private static final String[] PROTOCOLS = { "TLSv1.3" };

    private TlsConnector() {
    }

    /**
     * @throws org.confab.client.core.UntrustedServerException when the trust policy refuses the server
     * @throws IOException when the handshake fails for another reason (not a TLS server, connection lost)
     */
    static Socket secure(Socket plain, ServerAddress server, VouchedTrust.Check trust) throws IOException {
        FingerprintTrustManager trustManager = new FingerprintTrustManager(trust, server.toString());
        SSLSocket socket;
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] { trustManager }, null);
            socket = (SSLSocket) context.getSocketFactory().createSocket(plain, server.host(), server.port(), true);
        } catch (GeneralSecurityException e) {
            throw new ConfabConnectionException("TLS is not available in this Java runtime: " + e.getMessage(), e);
        }
        socket.setEnabledProtocols(PROTOCOLS);
        try {
            socket.startHandshake();
        } catch (SSLException e) {
            if (trustManager.refusal().isPresent()) {
                throw trustManager.refusal().get();
            }
            throw new SSLException("TLS handshake with " + server + " failed (is it a Confab server "
                    + "with TLS? a server run with --plain needs a plain client): " + e.getMessage(), e);
        }
        return socket;
    }
}
