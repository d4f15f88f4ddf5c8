package org.confab.client.core.internal;

import java.net.Socket;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Optional;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

import org.confab.client.core.ServerTrust;
import org.confab.client.core.UntrustedServerException;
import org.confab.protocol.Fingerprint;

/**
 * Replaces certificate-authority checks with the client's {@link ServerTrust}: the server's leaf
 * certificate is trusted when its fingerprint is the expected one. Host names are not checked, since
 * the fingerprint identifies the server more precisely than a name can. One instance per connection
 * attempt, so the {@link #refusal} belongs to that attempt.
 */
final class FingerprintTrustManager extends X509ExtendedTrustManager {
    private final VouchedTrust.Check trust;
    private final String serverAddress;
    private volatile UntrustedServerException refusal;

    FingerprintTrustManager(VouchedTrust.Check trust, String serverAddress) {
        this.trust = trust;
        this.serverAddress = serverAddress;
    }

    /** Why the handshake was refused, when this trust manager refused it. */
    Optional<UntrustedServerException> refusal() {
        return Optional.ofNullable(refusal);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the server presented no certificate");
        }
        Fingerprint presented;
        try {
            presented = Fingerprint.of(chain[0].getEncoded());
        } catch (CertificateEncodingException e) {
            throw new CertificateException("the server's certificate cannot be encoded", e);
        }
        try {
            trust.check(serverAddress, presented);
        } catch (UntrustedServerException e) {
            refusal = e;
            throw new CertificateException(e.getMessage());
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a client does not accept client certificates");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
