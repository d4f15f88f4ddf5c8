package org.confab.client.ui.admin.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;

import org.confab.protocol.messages.AdminMessages.UserEntry;
import org.confab.protocol.messages.AdminMessages.UserPage;
import org.confab.protocol.messages.AdminMessages.UserQuery;
import org.junit.jupiter.api.Test;

class AccountListingTest {
    private final AccountListing listing = new AccountListing();

    @Test
    void startsWithTheFirstPageByUsername() {
        assertEquals(new UserQuery(null, null, AccountListing.PAGE_SIZE, "username", null), listing.request());
        assertFalse(listing.hasPrevious());
    }

    @Test
    void clickingTheSortedColumnAgainReversesItAndAnotherColumnSortsAscending() {
        listing.next(page(50, 120, true));
        listing.sortBy("username");
        assertEquals(new UserQuery(null, null, 50, "username", true), listing.request(), "reversed, back to page one");
        listing.sortBy("createdAt");
        assertEquals(new UserQuery(null, null, 50, "createdAt", null), listing.request());
        listing.sortBy("createdAt");
        assertTrue(listing.descending());
    }

    @Test
    void pagesForwardOnlyWhenMoreFollowAndBackToTheStart() {
        listing.next(page(50, 120, true));
        listing.next(page(50, 120, true));
        assertEquals(100, listing.request().offset());
        assertEquals("101\u2013120 of 120 accounts", listing.summary(page(20, 120, false)));
        listing.next(page(20, 120, false));
        assertEquals(100, listing.offset(), "no page after the last");
        listing.previous();
        listing.previous();
        listing.previous();
        assertNull(listing.request().offset());
    }

    @Test
    void aNewSearchStartsAtTheFirstPageButTheSameTextKeepsThePlace() {
        listing.next(page(50, 120, true));
        listing.search("  ali ");
        assertEquals(new UserQuery("ali", null, 50, "username", null), listing.request());
        listing.next(page(50, 120, true));
        listing.search("ali");
        assertEquals(50, listing.offset());
        assertEquals("No account matches \u201Cali\u201D", listing.summary(page(0, 0, false)));
    }

    @Test
    void stepsBackWhenADeletionEmptiedTheLastPage() {
        listing.next(page(50, 101, true));
        listing.next(page(50, 101, true));
        assertTrue(listing.stepBackIfBeyond(page(0, 100, false)));
        assertEquals(50, listing.offset());
        assertFalse(listing.stepBackIfBeyond(page(50, 100, false)));
    }

    private static UserPage page(int size, long total, boolean more) {
        List<UserEntry> users = IntStream.range(0, size)
                .mapToObj(i -> new UserEntry("user" + i, "User " + i, false, false, false, 0, null)).toList();
        return new UserPage(users, total, more);
    }
}
