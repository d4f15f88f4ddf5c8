package org.confab.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.confab.protocol.Frame;
import org.confab.protocol.Protocol;
import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.Messages.ChatSend;
import org.confab.protocol.messages.Messages.Hello;
import org.confab.protocol.messages.Messages.HistoryRequest;
import org.confab.server.spi.SessionRegistry;
import org.junit.jupiter.api.Test;

/**
 * Hardening round 2: the send queue was bounded in frames only (1,024 here, 4,096 by default), each
 * up to a megabyte, so a user who stopped reading and kept asking for large history pages made the
 * server hold hundreds of megabytes per connection. The queue now has a byte budget (by default
 * 2 MiB, and twice the frame limit at least): such a reader is cut off after a few pages.
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
        SessionRegistry registry = Services.await(SessionRegistry.class, 10_000);
        TestClient hung = new TestClient(server(), null, 8192);
        try {
            assertEquals("hello.ok", hung.request(MessageTypes.HELLO, new Hello(Protocol.VERSION, "hung", List.of())).type());
            assertEquals("auth.finish.ok", hung.login(hoarder, PASSWORD).type());
            hung.stopReading();
            long start = System.nanoTime();
            int asked = 0;
            while (!registry.sessionsOf(hoarder).isEmpty()) {
                assertTrue(asked < 90, "still connected after " + asked + " pages of 256 KiB (" + asked / 4
                        + " MiB) were asked for and not read");
                assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(30), "not disconnected within 30 s");
                try {
                    hung.sendRequest(MessageTypes.CHAT_HISTORY, new HistoryRequest(writer, null, 50));
                } catch (IOException e) {
                    break; // the server has closed it
                }
                asked++;
                Thread.sleep(20);
            }
            System.out.printf("send queue budget: a non-reading client was cut off after asking for %d pages%n", asked);
        } finally {
            hung.close();
        }
        try (TestClient again = loggedIn(hoarder)) {
            Frame page = again.request(MessageTypes.CHAT_HISTORY, new HistoryRequest(writer, null, 50));
            assertEquals("chat.history.ok", page.type(), "the account is fine; only the hoarding connection went");
        }
    }
}
