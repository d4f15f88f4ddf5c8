package org.confab.server.transport.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collections;

import org.confab.protocol.Fingerprint;

/**
 * The key and certificate the server presents: from the operator's keystore when one is configured,
 * otherwise the server's own, created in {@code DATA/tls} on first start and reused afterwards (so
 * clients that trusted it keep trusting it).
 */
record ServerKeyMaterial(KeyStore keyStore, char[] password, X509Certificate certificate, Path source) {

    static final String GENERATED_KEYSTORE = "tls/server.p12";
    static final String GENERATED_PASSWORD = "tls/server.p12.password";

    Fingerprint fingerprint() {
        try {
            return Fingerprint.of(certificate.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the certificate cannot be encoded", e);
        }
    }

    /** The generated key material in {@code dataDirectory}, created if it does not exist yet. */
    static ServerKeyMaterial generated(Path dataDirectory) throws IOException, GeneralSecurityException {
        Path keystore = dataDirectory.resolve(GENERATED_KEYSTORE);
        Path passwordFile = dataDirectory.resolve(GENERATED_PASSWORD);
        if (!Files.exists(keystore) || !Files.exists(passwordFile)) {
            SelfSignedCertificate.create(keystore, passwordFile);
        }
        return load(keystore, passwordFile, "PKCS12");
    }

    /** The operator's keystore; its first key entry is used. */
    static ServerKeyMaterial load(Path keystore, Path passwordFile, String type) throws IOException, GeneralSecurityException {
        char[] password = Files.readString(passwordFile, StandardCharsets.UTF_8).lines().findFirst().orElse("")
                .toCharArray();
        KeyStore store = KeyStore.getInstance(type);
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, password);
        }
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias) && store.getCertificate(alias) instanceof X509Certificate certificate) {
                return new ServerKeyMaterial(onlyEntry(store, alias, password), password, certificate, keystore);
            }
        }
        throw new GeneralSecurityException("keystore " + keystore + " holds no private key with an X.509 certificate");
    }

    /** A keystore with just the chosen entry, so the key manager cannot pick another one. */
    private static KeyStore onlyEntry(KeyStore store, String alias, char[] password) throws IOException, GeneralSecurityException {
        KeyStore single = KeyStore.getInstance("PKCS12");
        single.load(null, null);
        Certificate[] chain = store.getCertificateChain(alias);
        single.setKeyEntry(alias, store.getKey(alias, password), password, chain);
        return single;
    }
}
