package org.confab.server.tests;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import org.confab.protocol.Fingerprint;

/** TLS sockets for the raw test clients, trusting exactly the server's own certificate. */
final class PinnedTls {
    private PinnedTls() {
    }

    /** A TCP connection from {@code local} (any when null) to the server, TLS handshake done. */
    static Socket connect(InetSocketAddress server, InetAddress local, Fingerprint pin) throws IOException {
        return connect(server, local, pin, 0);
    }

    /** As above, with a receive buffer of {@code receiveBuffer} bytes (0: the system's default) set before connecting. */
    static Socket connect(InetSocketAddress server, InetAddress local, Fingerprint pin, int receiveBuffer) throws IOException {
        Socket tcp = new Socket();
        if (receiveBuffer > 0) {
            tcp.setReceiveBufferSize(receiveBuffer); // before connect, so the TCP window stays small
        }
        if (local != null) {
            tcp.bind(new InetSocketAddress(local, 0));
        }
        tcp.connect(server, 5000);
        tcp.setSoTimeout(10_000);
        SSLSocket socket = (SSLSocket) context(pin).getSocketFactory().createSocket(tcp, server.getHostString(),
                server.getPort(), true);
        socket.startHandshake();
        socket.setSoTimeout(0);
        return socket;
    }

    private static SSLContext context(Fingerprint pin) throws IOException {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] { new PinningTrustManager(pin) }, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    private record PinningTrustManager(Fingerprint pin) implements X509TrustManager {
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            if (!Fingerprint.of(chain[0].getEncoded()).matches(pin)) {
                throw new CertificateException("not the test server's certificate");
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
