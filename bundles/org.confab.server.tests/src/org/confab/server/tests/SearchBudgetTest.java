package org.confab.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.confab.protocol.Frame;
import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.Messages.ChatSend;
import org.confab.protocol.messages.Messages.ErrorBody;
import org.confab.protocol.messages.Messages.MessagePage;
import org.confab.protocol.messages.Messages.SearchRequest;
import org.junit.jupiter.api.Test;

/**
 * {@code chat.search} over all of a user's conversations has a budget of its own (limits
 * {@code searchesPerMinute} 30, one at a time per user, {@code concurrentSearches} 4 on the server):
 * before, a user could run 20 full-table searches a second, each on its reader thread holding a
 * pooled connection. The search itself still finds sent and received messages, newest first.
 */
class SearchBudgetTest extends ServerTestSupport {

    @Test
    void searchesFindSentAndReceivedMessagesAndAreLimitedPerUser() throws Exception {
        String searcher = register("seeker");
        String peer = register("peer");
        try (TestClient s = loggedIn(searcher); TestClient p = loggedIn(peer)) {
            s.request(MessageTypes.CHAT_SEND, new ChatSend(peer, clientId(), "needle sent"));
            p.request(MessageTypes.CHAT_SEND, new ChatSend(searcher, clientId(), "needle received"));
            s.request(MessageTypes.CHAT_SEND, new ChatSend(searcher, clientId(), "needle to myself"));
            s.request(MessageTypes.CHAT_SEND, new ChatSend(peer, clientId(), "hay"));
            MessagePage page = s.body(s.request(MessageTypes.CHAT_SEARCH, new SearchRequest(null, "NEEDLE", null, 10)),
                    MessagePage.class);
            assertEquals(3, page.messages().size(), page.toString());
            assertEquals("needle to myself", page.messages().get(0).text(), "newest first, a note to oneself once");
            assertEquals("needle received", page.messages().get(1).text());
            assertEquals("needle sent", page.messages().get(2).text());

            ErrorBody refused = null;
            int searches = 1;
            while (refused == null && searches < 200) {
                Frame answer = s.request(MessageTypes.CHAT_SEARCH, new SearchRequest(null, "needle", null, 10));
                searches++;
                if (answer.type().equals(MessageTypes.ERROR)) {
                    refused = s.body(answer, ErrorBody.class);
                }
            }
            assertTrue(refused != null, searches + " searches in a row, none refused");
            assertEquals("RATE_LIMITED", refused.code());
            assertTrue(searches > 30, "30 a minute are allowed, refused after " + searches);
            assertTrue(refused.retryAfterSeconds() != null && refused.retryAfterSeconds() >= 1);
            assertEquals("ping.ok", s.request(MessageTypes.PING).type(),
                    "the connection goes on");
        }
    }
}
