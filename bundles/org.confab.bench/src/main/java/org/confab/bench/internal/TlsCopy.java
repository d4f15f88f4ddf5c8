package org.confab.bench.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The baseline for {@code bench files}: the same files copied over plain TLS 1.3 sockets on loopback,
 * from a file on one side into a file on the other, with nothing else on the way. What a file transfer
 * over Confab achieves is compared with this, measured in the same run on the same machine.
 */
final class TlsCopy implements AutoCloseable {
    private static final int BUFFER = 64 << 10;
    private static final char[] PASSWORD = "bench only".toCharArray();

    private final SSLContext context;
    private final SSLServerSocket server;
    private final Path receiveFolder;

    TlsCopy(Path work) throws Exception {
        Path keystore = work.resolve("bench-tls.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "bench", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass",
                new String(PASSWORD)).redirectErrorStream(true).start();
        keytool.getInputStream().transferTo(OutputStream.nullOutputStream());
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            throw new IOException("keytool could not create the benchmark's TLS key");
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD);
        context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), new TrustManager[] { new TrustAll() }, null);
        server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        server.setEnabledProtocols(new String[] { "TLSv1.3" });
        receiveFolder = Files.createDirectories(work.resolve("tls-copy"));
    }

    /** Copies every file at once, each on its own connection; the seconds until the last one is stored. */
    double copy(List<Path> files) throws Exception {
        List<Thread> threads = new ArrayList<>();
        List<Exception> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            Path target = receiveFolder.resolve("copy-" + i);
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    receiveOne(target);
                } catch (Exception e) {
                    failures.add(e);
                }
            }));
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    send(file);
                } catch (Exception e) {
                    failures.add(e);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
        return seconds;
    }

    private void send(Path file) throws IOException {
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(),
                server.getLocalPort()); FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            socket.setEnabledProtocols(new String[] { "TLSv1.3" });
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeLong(in.size());
            ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
            while (in.read(buffer) > 0) {
                out.write(buffer.array(), 0, buffer.position());
                buffer.clear();
            }
            out.flush();
            if (socket.getInputStream().read() != 1) {
                throw new IOException("the receiver did not confirm");
            }
        }
    }

    /** Takes one connection (whichever comes) and stores what it sends. */
    private void receiveOne(Path target) throws IOException {
        try (SSLSocket socket = (SSLSocket) server.accept();
                FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            long left = in.readLong();
            byte[] buffer = new byte[BUFFER];
            while (left > 0) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (read < 0) {
                    throw new IOException("the sender stopped early");
                }
                out.write(ByteBuffer.wrap(buffer, 0, read));
                left -= read;
            }
            out.force(true);
            socket.getOutputStream().write(1);
            socket.getOutputStream().flush();
        }
        Files.delete(target);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    /** Loopback to ourselves with a key made a moment ago: there is nothing to verify. */
    private static final class TrustAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
