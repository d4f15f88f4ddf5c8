package org.confab.server.transport.internal;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

import org.confab.protocol.Fingerprint;

/**
 * Makes the listening socket: TLS with the server's key material, or plain TCP when the operator
 * turned TLS off. The TLS handshake itself happens lazily on each connection's own thread at its
 * first read, so a slow or hostile handshake never holds up the acceptor.
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

    ServerSocket open() throws IOException {
        SSLServerSocket socket = (SSLServerSocket) context.getServerSocketFactory().createServerSocket();
        String[] enabled = Arrays.stream(protocols).map(String::strip).filter(p -> !p.isEmpty()).toArray(String[]::new);
        socket.setEnabledProtocols(enabled);
        socket.setNeedClientAuth(false);
        return socket;
    }
}
