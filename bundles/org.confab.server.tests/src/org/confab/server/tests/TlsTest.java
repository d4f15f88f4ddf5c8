package org.confab.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.confab.client.core.ClientOptions;
import org.confab.client.core.ConfabClient;
import org.confab.client.core.KnownServers;
import org.confab.client.core.ServerTrust;
import org.confab.client.core.UntrustedServerException;
import org.confab.protocol.Fingerprint;
import org.junit.jupiter.api.Test;

/** TLS is on by default, and the client library trusts a server only as its policy says. */
class TlsTest extends ServerTestSupport {

    private static ClientOptions options(ServerTrust trust) throws Exception {
        return ClientOptions.of("127.0.0.1", server().getPort()).withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5))
                .withTrust(trust);
    }

    private static Throwable connectFailure(ServerTrust trust) throws Exception {
        try (ConfabClient client = new ConfabClient(options(trust))) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> client.connect().get(10, TimeUnit.SECONDS));
            return e.getCause();
        }
    }

    private static KnownServers emptyStore() throws Exception {
        return KnownServers.at(Files.createTempDirectory("known").resolve("known_servers"));
    }

    @Test
    void anUnknownServerIsRefusedWithItsFingerprintAndNothingIsRemembered() throws Exception {
        KnownServers store = emptyStore();
        UntrustedServerException refused = assertInstanceOf(UntrustedServerException.class,
                connectFailure(ServerTrust.knownServers(store)));
        assertFalse(refused.isChanged());
        assertEquals(fingerprint(), refused.presented());
        assertEquals(Optional.empty(), store.lookup(refused.serverAddress()));
    }

    @Test
    void trustOnFirstUseRemembersTheServerAndThenTrustsOnlyThatCertificate() throws Exception {
        KnownServers store = emptyStore();
        try (ConfabClient client = new ConfabClient(options(ServerTrust.acceptNew(store)))) {
            client.connect().get(10, TimeUnit.SECONDS);
        }
        String address = "127.0.0.1:" + server().getPort();
        assertEquals(Optional.of(fingerprint()), store.lookup(address));
        try (ConfabClient client = new ConfabClient(options(ServerTrust.knownServers(store)))) {
            client.connect().get(10, TimeUnit.SECONDS);
        }
        store.remember(address, Fingerprint.of(new byte[] { 42 }));
        UntrustedServerException changed = assertInstanceOf(UntrustedServerException.class,
                connectFailure(ServerTrust.acceptNew(store)));
        assertTrue(changed.isChanged(), "a different certificate is refused even when new servers are accepted");
    }

    @Test
    void aWrongPinIsRefused() throws Exception {
        UntrustedServerException refused = assertInstanceOf(UntrustedServerException.class,
                connectFailure(ServerTrust.pinned(Fingerprint.of(new byte[] { 1 }))));
        assertTrue(refused.isChanged());
    }

    @Test
    void aPlainClientGetsNoProtocolAnswerFromTheTlsServer() throws Exception {
        connectFailure(ServerTrust.plain());
        try (Socket socket = new Socket("127.0.0.1", server().getPort())) {
            byte[] hello = "{\"type\":\"hello\",\"rid\":1,\"version\":1}".getBytes(StandardCharsets.UTF_8);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeInt(hello.length);
            out.write(hello);
            out.flush();
            socket.setSoTimeout(10_000);
            InputStream in = socket.getInputStream();
            byte[] answer = in.readNBytes(4096);
            assertFalse(new String(answer, StandardCharsets.ISO_8859_1).contains("hello.ok"),
                    "nothing in clear text comes back");
        }
    }

    @Test
    void theGeneratedKeyIsKeptPrivateInTheDataDirectory() throws Exception {
        Path data = Path.of(System.getProperty("confab.data"));
        Path keystore = data.resolve("tls/server.p12");
        assertTrue(Files.exists(keystore), keystore.toString());
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(keystore)));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(data.resolve("tls/server.p12.password"))));
    }
}
