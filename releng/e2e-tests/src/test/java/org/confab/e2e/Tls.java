package org.confab.e2e;

import java.net.Socket;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Base64;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/** TLS sockets for the raw connections of the end-to-end tests, pinned to the server's logged fingerprint. */
final class Tls {
    private Tls() {
    }

    static Socket connect(String host, int port, String fingerprint) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] { new Pinned(fingerprint) }, null);
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(host, port);
        socket.startHandshake();
        return socket;
    }

    private record Pinned(String fingerprint) implements X509TrustManager {
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(chain[0].getEncoded());
                if (!fingerprint.equals("SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest))) {
                    throw new CertificateException("not the server's certificate");
                }
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new CertificateException(e);
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("no client certificates");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
