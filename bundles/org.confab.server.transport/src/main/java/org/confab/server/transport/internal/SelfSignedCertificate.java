package org.confab.server.transport.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Creates the server's own key and self-signed certificate on first start, so TLS works without an
 * operator doing anything. Clients cannot check such a certificate against a CA; they recognise it
 * by its fingerprint (trust on first use or a pinned fingerprint). The JDK's own providers do the
 * cryptography; Bouncy Castle only assembles the certificate, which the JDK has no public API for.
 */
final class SelfSignedCertificate {
    static final String ALIAS = "confab-server";
    private static final Duration VALIDITY = Duration.ofDays(3650);

    private SelfSignedCertificate() {
    }

    /**
     * Writes a PKCS12 keystore with a fresh EC P-256 key and certificate to {@code keystore}, and its
     * random password to {@code passwordFile}; both readable by the owner only.
     */
    static void create(Path keystore, Path passwordFile) throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
        KeyPair pair = generator.generateKeyPair();
        X509Certificate certificate = certificate(pair);
        char[] password = randomPassword();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(ALIAS, pair.getPrivate(), password, new X509Certificate[] { certificate });
        Files.createDirectories(keystore.getParent());
        writePrivately(passwordFile, out -> out.write(new String(password).getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        writePrivately(keystore, out -> {
            try {
                store.store(out, password);
            } catch (GeneralSecurityException e) {
                throw new IOException("cannot write the keystore", e);
            }
        });
    }

    private static X509Certificate certificate(KeyPair pair) throws GeneralSecurityException {
        Instant now = Instant.now();
        X500Name name = new X500Name("CN=" + hostName() + ",O=Confab server");
        try {
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                    new BigInteger(64, new SecureRandom()).abs().add(BigInteger.ONE),
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(VALIDITY)), name, pair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            return new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
        } catch (OperatorCreationException | IOException e) {
            throw new GeneralSecurityException("cannot sign the certificate", e);
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9.-]", "");
        } catch (IOException e) {
            return "localhost";
        }
    }

    private static char[] randomPassword() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(random).toCharArray();
    }

    private interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /** Writes to a temporary file readable by the owner only, then moves it in place. */
    private static void writePrivately(Path target, Writer content) throws IOException {
        Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        try {
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(temporary); // not a POSIX file system
        }
        try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.WRITE)) {
            content.write(out);
        }
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
