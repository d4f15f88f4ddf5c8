package org.confab.client.ui.internal.model;

/**
 * Which rows of a transcript have controls: the newest ones, counted from the end so that rows loaded
 * above do not shift the window. Creating a row's controls is what costs (a conversation scrolled back
 * through thousands of messages would otherwise hold thousands of widgets), so the window starts at
 * one page and grows by a page when the reader reaches its top or a search jumps above it.
 */
public final class RowWindow {
    private final int page;
    private int size;

    public RowWindow(int page) {
        this.page = page;
        this.size = page;
    }

    /** The index of the first row with controls, of {@code total} rows. */
    public int first(int total) {
        return Math.max(0, total - size);
    }

    /** Takes in a page more rows above; false when every row has controls already. */
    public boolean grow(int total) {
        if (size >= total) {
            return false;
        }
        size = Math.min(total, size + page);
        return true;
    }

    /** Grows the window down to row {@code index} (and a few rows above it, for context). */
    public void include(int index, int total) {
        int needed = total - Math.max(0, index - 2);
        if (needed > size) {
            size = needed;
        }
    }

    public int size() {
        return size;
    }
}
