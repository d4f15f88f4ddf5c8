package org.confab.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.confab.protocol.Frame;
import org.confab.protocol.Protocol;
import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.Messages.ChatSend;
import org.confab.protocol.messages.Messages.Hello;
import org.confab.protocol.messages.Messages.HistoryRequest;
import org.confab.server.api.ClientSession;
import org.confab.server.api.SessionListener;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

/**
 * Hardening round 2: the send queue was bounded in frames only (1,024 here, 4,096 by default), each
 * up to a megabyte, so a user who stopped reading and kept asking for large history pages made the
 * server hold hundreds of megabytes per connection. The queue now has a byte budget (by default
 * 4 MiB, and twice the frame limit at least): answers to the connection's own requests wait for room,
 * and a reader that reads nothing is cut off after 30 s of waiting.
 */
class SendQueueBudgetTest extends ServerTestSupport {

    @Test
    void aReaderThatStopsReadingWhileAskingForBigPagesIsCutOffSoon() throws Exception {
        String writer = register("writer");
        String hoarder = register("hoarder");
        String big = "\u0001".repeat(7_990); // ~48 KB of JSON a message: one page is the full 256 KiB
        try (TestClient w = loggedIn(writer)) {
            for (int i = 0; i < 12; i++) {
                assertEquals("chat.send.ok", w.request(MessageTypes.CHAT_SEND, new ChatSend(hoarder, clientId(), big)).type());
            }
        }
        CountDownLatch hoarderGone = new CountDownLatch(1);
        ServiceRegistration<SessionListener> listener = FrameworkUtil.getBundle(getClass()).getBundleContext()
                .registerService(SessionListener.class, new SessionListener() {
                    @Override
                    public void loggedOut(ClientSession session) {
                        if (session.username().filter(hoarder::equals).isPresent()) {
                            hoarderGone.countDown();
                        }
                    }
                }, null);
        TestClient hung = new TestClient(server(), null, 8192);
        try {
            assertEquals("hello.ok", hung.request(MessageTypes.HELLO, new Hello(Protocol.VERSION, "hung", List.of())).type());
            assertEquals("auth.finish.ok", hung.login(hoarder, PASSWORD).type());
            hung.stopReading();
            // 40 pages of 256 KiB asked for and never read: 10 MiB, more than the 4 MiB budget. The
            // old queue (1,024 frames here) took them all and kept the connection open for ever.
            for (int i = 0; i < 40; i++) {
                hung.sendRequest(MessageTypes.CHAT_HISTORY, new HistoryRequest(writer, null, 50));
            }
            long start = System.nanoTime();
            // pings every half second keep an attentive server from calling the client idle: only the
            // unread bytes may end it
            ScheduledExecutorService pinger = Executors.newSingleThreadScheduledExecutor();
            pinger.scheduleAtFixedRate(() -> {
                try {
                    hung.send(MessageTypes.PING, Map.of());
                } catch (IOException e) {
                    // closed by the server
                }
            }, 0, 500, TimeUnit.MILLISECONDS);
            try {
                assertTrue(hoarderGone.await(50, TimeUnit.SECONDS),
                        "a client that asked for 10 MiB and read none of it is still connected after 50 s");
            } finally {
                pinger.shutdownNow();
                listener.unregister();
            }
            System.out.printf("send queue budget: a non-reading client was cut off %d s after asking for 10 MiB%n",
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start));
        } finally {
            hung.close();
        }
        try (TestClient again = loggedIn(hoarder)) {
            Frame page = again.request(MessageTypes.CHAT_HISTORY, new HistoryRequest(writer, null, 50));
            assertEquals("chat.history.ok", page.type(), "the account is fine; only the hoarding connection went");
        }
    }
}
