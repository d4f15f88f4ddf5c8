package org.confab.bench.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code bench relay}: the same load pattern through a do-nothing TCP relay (length-prefixed frames
 * forwarded by recipient index: no JSON, no accounts, no database). What this machine can do at all;
 * Confab's figures are reported as a ratio to it.
 */
final class RelayBench {
    private volatile Latencies latencies = new Latencies();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();

    Report run(Options options, PrintStream progress) throws Exception {
        int users = options.number("users", 100);
        int rate = options.number("rate", 1000);
        int duration = options.number("duration", 20);
        int size = Math.max(8, options.number("size", 100));
        try (ServerSocket server = new ServerSocket(0, 4096, InetAddress.getLoopbackAddress())) {
            List<DataOutputStream> toRelay = new ArrayList<>();
            List<DataOutputStream> relayToClient = new ArrayList<>();
            List<Socket> sockets = new ArrayList<>();
            for (int i = 0; i < users; i++) {
                Socket client = new Socket();
                client.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()));
                client.setTcpNoDelay(true);
                Socket accepted = server.accept();
                accepted.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(accepted);
                toRelay.add(new DataOutputStream(client.getOutputStream()));
                relayToClient.add(new DataOutputStream(accepted.getOutputStream()));
                DataInputStream relayIn = new DataInputStream(accepted.getInputStream());
                DataInputStream clientIn = new DataInputStream(client.getInputStream());
                Thread.ofVirtual().start(() -> forward(relayIn, relayToClient));
                Thread.ofVirtual().start(() -> receive(clientIn));
            }
            byte[] filler = new byte[size - 8];
            int warmup = options.number("warmup", 5);
            if (warmup > 0) {
                // the same warm-up as bench chat, so both are measured with compiled code
                new LoadPattern(users, rate, warmup).run((from, to) -> send(toRelay.get(from), to, filler));
                awaitDelivery();
                latencies = new Latencies();
                delivered.set(0);
                sent.set(0);
            }
            progress.println("relaying " + rate + " messages/s for " + duration + " s...");
            long start = System.nanoTime();
            new LoadPattern(users, rate, duration).run((from, to) -> send(toRelay.get(from), to, filler));
            long sendingNanos = System.nanoTime() - start;
            awaitDelivery();
            long activeNanos = Math.max(sendingNanos, System.nanoTime() - start);
            for (Socket socket : sockets) {
                socket.close();
            }
            return new Report().put("scenario", "relay").put("users", users).put("targetRate", rate)
                    .put("durationSeconds", duration).put("sizeBytes", size).put("sent", sent.get())
                    .put("delivered", delivered.get()).put("lost", sent.get() - delivered.get())
                    .put("throughputPerSecond", delivered.get() * 1e9 / activeNanos).put("warmupSeconds", warmup)
                    .put("p50ms", latencies.percentile(50)).put("p95ms", latencies.percentile(95))
                    .put("p99ms", latencies.percentile(99)).put("maxMs", latencies.max());
        }
    }

    private void awaitDelivery() throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (delivered.get() < sent.get() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    /** Frame: length, recipient index, then the send time and filler as payload. */
    private void send(DataOutputStream out, int recipient, byte[] filler) {
        ByteBuffer frame = ByteBuffer.allocate(8 + 8 + filler.length);
        frame.putInt(4 + 8 + filler.length).putInt(recipient).putLong(System.nanoTime()).put(filler);
        sent.incrementAndGet();
        try {
            synchronized (out) {
                out.write(frame.array());
                out.flush();
            }
        } catch (IOException e) {
            throw new IllegalStateException("relay connection failed", e);
        }
    }

    private static void forward(DataInputStream in, List<DataOutputStream> clients) {
        try {
            while (true) {
                int length = in.readInt();
                int recipient = in.readInt();
                byte[] payload = in.readNBytes(length - 4);
                DataOutputStream out = clients.get(recipient);
                synchronized (out) {
                    out.writeInt(payload.length);
                    out.write(payload);
                    out.flush();
                }
            }
        } catch (IOException e) {
            // connection closed at the end of the run
        }
    }

    private void receive(DataInputStream in) {
        try {
            while (true) {
                int length = in.readInt();
                byte[] payload = in.readNBytes(length);
                long sentAt = ByteBuffer.wrap(payload).getLong();
                latencies.add(System.nanoTime() - sentAt);
                delivered.incrementAndGet();
            }
        } catch (IOException e) {
            // connection closed at the end of the run
        }
    }
}
