package org.confab.client.ui.admin.internal.model;

import org.confab.protocol.messages.AdminMessages.UserPage;
import org.confab.protocol.messages.AdminMessages.UserQuery;

/**
 * What the accounts table asks the server for: the search text, the order and the page. Sorting and
 * searching happen on the server (over all accounts, not just the page on screen), so every change here
 * becomes a new {@link UserQuery}. Not thread-safe: the view uses it on the display thread.
 */
public final class AccountListing {
    /** Accounts per page. */
    public static final int PAGE_SIZE = 50;

    private String search = "";
    private String sort = "username";
    private boolean descending;
    private int offset;

    /** The request for the page to show now. */
    public UserQuery request() {
        return new UserQuery(search.isEmpty() ? null : search, offset == 0 ? null : offset, PAGE_SIZE, sort,
                descending ? Boolean.TRUE : null);
    }

    /** New search text: starts again at the first page. */
    public void search(String text) {
        String stripped = text == null ? "" : text.strip();
        if (!stripped.equals(search)) {
            search = stripped;
            offset = 0;
        }
    }

    /**
     * A click on a column header: the same column again reverses the order, another column sorts by it
     * ascending. Either way the first page is shown.
     */
    public void sortBy(String field) {
        if (field.equals(sort)) {
            descending = !descending;
        } else {
            sort = field;
            descending = false;
        }
        offset = 0;
    }

    public String sort() {
        return sort;
    }

    public boolean descending() {
        return descending;
    }

    public int offset() {
        return offset;
    }

    public boolean hasPrevious() {
        return offset > 0;
    }

    public void previous() {
        offset = Math.max(0, offset - PAGE_SIZE);
    }

    /** Moves on when the page shown says more follow. */
    public void next(UserPage shown) {
        if (shown.more()) {
            offset += PAGE_SIZE;
        }
    }

    /** After a deletion emptied the last page: step back so the table is not empty for no reason. */
    public boolean stepBackIfBeyond(UserPage shown) {
        if (shown.users().isEmpty() && offset > 0 && offset >= shown.total()) {
            offset = (int) Math.max(0, ((shown.total() - 1) / PAGE_SIZE) * PAGE_SIZE);
            return true;
        }
        return false;
    }

    /** "51–100 of 123 accounts", or what the search found nothing for. */
    public String summary(UserPage shown) {
        if (shown.total() == 0) {
            return search.isEmpty() ? "No accounts" : "No account matches \u201C" + search + "\u201D";
        }
        if (shown.users().isEmpty()) {
            return "No accounts on this page (" + shown.total() + " in all)";
        }
        return (offset + 1) + "\u2013" + (offset + shown.users().size()) + " of " + shown.total()
                + (shown.total() == 1 ? " account" : " accounts");
    }
}
