package org.confab.client.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.confab.protocol.Fingerprint;

/**
 * A self-signed certificate made by the JDK's {@code keytool} for a TLS {@link FakeServer}, like the one
 * a real server generates at its first start, with the fingerprint a client must trust.
 */
record TestCertificate(SSLContext context, Fingerprint fingerprint) {
    private static final char[] PASSWORD = "fake-server".toCharArray();

    static TestCertificate generate(Path directory, String name) throws IOException, InterruptedException,
            GeneralSecurityException {
        Path keystore = directory.resolve(name + ".p12");
        Process keytool = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + name,
                "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass",
                new String(PASSWORD))).redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            throw new IOException("keytool failed: " + output);
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return new TestCertificate(context, Fingerprint.of(store.getCertificate(name).getEncoded()));
    }
}
