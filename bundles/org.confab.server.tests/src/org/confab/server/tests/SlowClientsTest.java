package org.confab.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.confab.protocol.Frame;
import org.confab.protocol.Protocol;
import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.Messages.ChatAck;
import org.confab.protocol.messages.Messages.ChatMessage;
import org.confab.protocol.messages.Messages.ChatSend;
import org.confab.protocol.messages.Messages.ChatSent;
import org.confab.protocol.messages.Messages.Hello;
import org.confab.server.spi.SessionRegistry;
import org.junit.jupiter.api.Test;

/**
 * Clients that hold connections without talking (slowloris) or stop reading are cut off on time, and
 * everybody else chats on undisturbed. The test configuration has a 6 s login timeout.
 */
class SlowClientsTest extends ServerTestSupport {
    private static final int PER_KIND = 100;

    private static InetAddress loopback(int last) throws Exception {
        return InetAddress.getByAddress(new byte[] { 127, 0, 0, (byte) last });
    }

    @Test
    void threeHundredStalledConnectionsAreClosedOnTimeWhileOthersChat() throws Exception {
        String ann = register("ann");
        String ben = register("ben");
        List<Socket> stalled = new ArrayList<>();
        try (TestClient a = loggedIn(ann); TestClient b = loggedIn(ben)) {
            long start = System.nanoTime();
            for (int i = 0; i < PER_KIND; i++) {
                stalled.add(watched(silentTcp(loopback(31)))); // not even a TLS handshake
                stalled.add(watched(partialFrameBeforeHello(loopback(32))));
                stalled.add(watched(partialFrameAfterHello(loopback(33))));
            }
            long maxRoundTrip = 0;
            int exchanged = 0;
            while (!allClosed(stalled)) {
                long sent = System.nanoTime();
                Frame ok = a.request(MessageTypes.CHAT_SEND, new ChatSend(ben, clientId(), "still here " + exchanged));
                assertEquals("chat.send.ok", ok.type(), ok.toString());
                ChatMessage message = b.body(b.await(MessageTypes.CHAT_MESSAGE), ChatMessage.class);
                b.send(MessageTypes.CHAT_ACK, new ChatAck(List.of(message.messageId())));
                maxRoundTrip = Math.max(maxRoundTrip, System.nanoTime() - sent);
                exchanged++;
                assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(30),
                        "stalled connections still open after 30 s: " + openCount(stalled));
                Thread.sleep(100);
            }
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
            System.out.printf("slowloris: %d stalled connections closed after %d s; %d chat round trips meanwhile, slowest %d ms%n",
                    stalled.size(), seconds, exchanged, TimeUnit.NANOSECONDS.toMillis(maxRoundTrip));
            assertTrue(seconds <= 20, "all 300 closed " + seconds + " s after they started, with a 6 s login timeout");
            assertTrue(exchanged > 10, "chat went on meanwhile");
            assertTrue(maxRoundTrip < TimeUnit.SECONDS.toNanos(2), "slowest chat round trip "
                    + TimeUnit.NANOSECONDS.toMillis(maxRoundTrip) + " ms");
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }

    @Test
    void aClientThatStopsReadingIsDisconnectedAndGetsItsMessagesLater() throws Exception {
        String slow = register("slow");
        String sender = register("sender");
        String bystander = register("bystander");
        SessionRegistry registry = Services.await(SessionRegistry.class, 10_000);
        // big messages fill the server's socket buffer quickly, then small ones its frame queue
        String big = "\u20ac".repeat(8000); // 24 KB of UTF-8
        Set<Long> acknowledged = new HashSet<>();
        try (TestClient s = loggedIn(sender); TestClient by = loggedIn(bystander)) {
            TestClient hung = new TestClient(server(), null, 8192);
            assertEquals("hello.ok", hung.request(MessageTypes.HELLO, new Hello(Protocol.VERSION, "hung", List.of())).type());
            assertEquals("auth.finish.ok", hung.login(slow, PASSWORD).type());
            hung.stopReading();
            long start = System.nanoTime();
            while (!registry.sessionsOf(slow).isEmpty()) {
                assertTrue(acknowledged.size() < 3000, "the hung client was never disconnected");
                assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(60), "not disconnected within 60 s");
                assertTrue(hung.isOpenForTest(), "the hung client does not close by itself");
                String text = acknowledged.size() < 200 ? big : "small " + acknowledged.size();
                keepAlive(hung);
                Frame ok = s.request(MessageTypes.CHAT_SEND, new ChatSend(slow, clientId(), text));
                assertEquals("chat.send.ok", ok.type(), ok.toString());
                acknowledged.add(s.body(ok, ChatSent.class).messageId());
                if (acknowledged.size() % 50 == 0) {
                    assertEquals("ping.ok", by.request(MessageTypes.PING).type(), "others are unaffected");
                }
            }
            hung.close();
            System.out.printf("slow reader: disconnected after %d acknowledged messages in %d ms%n", acknowledged.size(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            assertEquals("chat.send.ok", by.request(MessageTypes.CHAT_SEND, new ChatSend(sender, clientId(), "fine")).type());
        }
        Set<Long> delivered = new HashSet<>();
        try (TestClient again = loggedIn(slow)) {
            while (delivered.size() < acknowledged.size()) {
                ChatMessage message = again.body(again.await(MessageTypes.CHAT_MESSAGE), ChatMessage.class);
                delivered.add(message.messageId()); // at least once: duplicates are allowed, so count a set
                if (delivered.size() % 100 == 0 || delivered.size() == acknowledged.size()) {
                    again.send(MessageTypes.CHAT_ACK, new ChatAck(new ArrayList<>(delivered)));
                }
            }
        }
        assertEquals(acknowledged, delivered, "every acknowledged message reached the slow user at the next login");
    }

    /**
     * The hung client still sends pings, so the idle timeout cannot be what ends it: only its full
     * send queue can.
     */
    private static void keepAlive(TestClient hung) {
        try {
            hung.send(MessageTypes.PING, java.util.Map.of());
        } catch (IOException e) {
            // the server has closed it
        }
    }

    private static Socket silentTcp(InetAddress local) throws Exception {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(local, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", serverPort()), 5000);
        return socket;
    }

    /** TLS done, then the first 20 bytes of a hello frame that promises 100. */
    private static Socket partialFrameBeforeHello(InetAddress local) throws Exception {
        Socket socket = PinnedTls.connect(server(), local, fingerprint());
        OutputStream out = socket.getOutputStream();
        out.write(new byte[] { 0, 0, 0, 100 });
        out.write("{\"type\":\"hello\",\"rid".getBytes(StandardCharsets.UTF_8));
        out.flush();
        return socket;
    }

    /** A proper hello, then half a frame length, and nothing more. */
    private static Socket partialFrameAfterHello(InetAddress local) throws Exception {
        Socket socket = PinnedTls.connect(server(), local, fingerprint());
        byte[] hello = "{\"type\":\"hello\",\"rid\":1,\"version\":1}".getBytes(StandardCharsets.UTF_8);
        OutputStream out = socket.getOutputStream();
        out.write(new byte[] { 0, 0, 0, (byte) hello.length });
        out.write(hello);
        out.write(new byte[] { 0, 0 });
        out.flush();
        return socket;
    }

    private static int serverPort() throws InterruptedException {
        return server().getPort();
    }

    private static boolean allClosed(List<Socket> sockets) {
        return openCount(sockets) == 0;
    }

    private static long openCount(List<Socket> sockets) {
        return sockets.stream().filter(socket -> !CLOSED_BY_SERVER.contains(socket)).count();
    }

    private static final Set<Socket> CLOSED_BY_SERVER = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Reads until the server closes the socket, on a virtual thread of its own. */
    private static Socket watched(Socket socket) {
        Thread.ofVirtual().start(() -> {
            try (InputStream in = socket.getInputStream()) {
                while (in.read() >= 0) {
                    // session.closed and anything else the server says before it hangs up
                }
            } catch (IOException e) {
                // reset or TLS failure: closed all the same
            }
            CLOSED_BY_SERVER.add(socket);
        });
        return socket;
    }
}
