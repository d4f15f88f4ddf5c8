package org.confab.server.transport.internal;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import org.confab.protocol.Fingerprint;

/**
 * Puts TLS with the server's key material on accepted connections. The TLS handshake itself happens
 * lazily on each connection's own thread at its first read, so a slow or hostile handshake never
 * holds up the acceptor.
 */
final class TlsServerSockets {
    private final SSLContext context;
    private final String[] protocols;
    private final Fingerprint fingerprint;

    private TlsServerSockets(SSLContext context, String[] protocols, Fingerprint fingerprint) {
        this.context = context;
        this.protocols = protocols;
        this.fingerprint = fingerprint;
    }

    static TlsServerSockets from(TransportConfig config, Path dataDirectory) throws IOException, GeneralSecurityException {
        ServerKeyMaterial material = config.tlsKeystore().isBlank() ? ServerKeyMaterial.generated(dataDirectory)
                : ServerKeyMaterial.load(Path.of(config.tlsKeystore()), passwordFile(config), config.tlsKeystoreType());
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(material.keyStore(), material.password());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return new TlsServerSockets(context, config.tlsProtocols(), material.fingerprint());
    }

    private static Path passwordFile(TransportConfig config) {
        if (config.tlsKeystorePasswordFile().isBlank()) {
            throw new IllegalArgumentException("tlsKeystore is set, so tlsKeystorePasswordFile must name the file with its password");
        }
        return Path.of(config.tlsKeystorePasswordFile());
    }

    Fingerprint fingerprint() {
        return fingerprint;
    }

    /**
     * TLS over an accepted TCP socket, as the server side. Layered rather than from an
     * SSLServerSocket, so the transport keeps the TCP socket and can always cut it without waiting.
     */
    Socket wrap(Socket tcp) throws IOException {
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(tcp, null, true);
        socket.setEnabledProtocols(
                Arrays.stream(protocols).map(String::strip).filter(p -> !p.isEmpty()).toArray(String[]::new));
        socket.setUseClientMode(false);
        socket.setNeedClientAuth(false);
        return socket;
    }
}
