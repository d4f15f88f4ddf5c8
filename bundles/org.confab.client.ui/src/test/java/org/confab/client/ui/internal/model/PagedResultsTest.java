package org.confab.client.ui.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.confab.client.ui.internal.model.PagedResults.Request;
import org.confab.protocol.messages.Messages.ChatMessage;
import org.confab.protocol.messages.Messages.MessagePage;
import org.junit.jupiter.api.Test;

class PagedResultsTest {
    private final PagedResults results = new PagedResults();

    @Test
    void pagesOlderByTheSmallestIdAndBackAgain() {
        Request first = results.first();
        assertNull(first.beforeId());
        assertTrue(results.loading());
        results.show(first.ticket(), page(true, 30, 29, 28));
        assertTrue(results.hasOlder());
        assertFalse(results.hasNewer());

        Request second = results.older();
        assertEquals(28L, second.beforeId());
        results.show(second.ticket(), page(false, 27));
        assertEquals(2, results.pageNumber());
        assertFalse(results.hasOlder());
        assertTrue(results.hasNewer());

        Request back = results.newer();
        assertNull(back.beforeId());
        assertEquals(1, results.pageNumber());
    }

    @Test
    void outdatedAnswersAreDropped() {
        Request stale = results.first();
        Request current = results.first();
        assertFalse(results.show(stale.ticket(), page(false, 1)));
        assertTrue(results.loading());
        assertTrue(results.show(current.ticket(), page(false, 2)));
        assertEquals(2, results.messages().get(0).messageId());
    }

    @Test
    void aFailureEndsLoadingWithAnEmptyPage() {
        Request request = results.first();
        results.failed(request.ticket());
        assertFalse(results.loading());
        assertEquals(List.of(), results.messages());
    }

    private static MessagePage page(boolean more, long... ids) {
        return new MessagePage(java.util.Arrays.stream(ids)
                .mapToObj(id -> new ChatMessage(id, "bob", "alice", "m" + id, id, null, true)).toList(), more);
    }
}
