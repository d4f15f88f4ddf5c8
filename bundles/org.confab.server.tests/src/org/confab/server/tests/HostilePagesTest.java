package org.confab.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.confab.protocol.Frame;
import org.confab.protocol.Protocol;
import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.Messages.ChatMessage;
import org.confab.protocol.messages.Messages.ChatSend;
import org.confab.protocol.messages.Messages.ChatSent;
import org.confab.protocol.messages.Messages.HistoryRequest;
import org.confab.protocol.messages.Messages.MessagePage;
import org.confab.protocol.messages.Messages.SearchRequest;
import org.junit.jupiter.api.Test;

/**
 * Hardening round 2: 22 messages of 7,990 control characters (each encodes to 6 bytes of JSON, so
 * ~48 KB a message) made a 50-message history page larger than a frame may be, and the reader was
 * disconnected every time. Pages are now cut at a byte budget; paging still reaches every message.
 */
class HostilePagesTest extends ServerTestSupport {

    @Test
    void aConversationOfHugeMessagesStaysReadablePageByPage() throws Exception {
        String mallory = register("mallory");
        String victim = register("victim");
        String hostile = "\u0001".repeat(7_990);
        Set<Long> sent = new HashSet<>();
        try (TestClient m = loggedIn(mallory)) {
            for (int i = 0; i < 22; i++) {
                Frame ok = m.request(MessageTypes.CHAT_SEND, new ChatSend(victim, clientId(), hostile + "#" + i));
                sent.add(m.body(ok, ChatSent.class).messageId());
            }
        }
        try (TestClient v = loggedIn(victim)) {
            Set<Long> read = new HashSet<>();
            Long before = null;
            int pages = 0;
            boolean more = true;
            while (more) {
                Frame answer = v.request(MessageTypes.CHAT_HISTORY, new HistoryRequest(mallory, before, 50));
                assertEquals("chat.history.ok", answer.type(), answer.type());
                MessagePage page = v.body(answer, MessagePage.class);
                assertTrue(!page.messages().isEmpty());
                List<Long> ids = new ArrayList<>();
                page.messages().forEach(message -> ids.add(message.messageId()));
                read.addAll(ids);
                before = ids.get(ids.size() - 1);
                more = page.more();
                pages++;
                assertTrue(pages < 30, "paging does not end");
            }
            assertEquals(sent, read, "every message reached, none twice");
            assertTrue(pages >= 4, "22 x ~48 KB needs several pages of at most " + Protocol.MAX_PAGE_BYTES + " bytes, got " + pages);

            Frame search = v.request(MessageTypes.CHAT_SEARCH, new SearchRequest(null, "#1", null, 50));
            MessagePage hits = v.body(search, MessagePage.class);
            assertTrue(hits.more(), "a search page is cut the same way");
            for (ChatMessage hit : hits.messages()) {
                assertTrue(hit.text().contains("#1"));
            }
            // the connection survived all of it
            assertEquals("ping.ok", v.request(MessageTypes.PING).type());
        }
    }
}
