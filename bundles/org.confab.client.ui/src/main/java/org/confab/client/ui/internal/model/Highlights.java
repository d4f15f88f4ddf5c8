package org.confab.client.ui.internal.model;

import java.util.ArrayList;
import java.util.List;

/** Where a search text occurs in a message, ignoring case, the way {@code chat.search} matches. */
public final class Highlights {
    /** One occurrence. */
    public record Range(int start, int length) {
    }

    private Highlights() {
    }

    public static List<Range> find(String text, String query) {
        List<Range> ranges = new ArrayList<>();
        if (query == null || query.isBlank() || text == null) {
            return ranges;
        }
        int length = query.length();
        int from = 0;
        while (from + length <= text.length()) {
            if (text.regionMatches(true, from, query, 0, length)) {
                ranges.add(new Range(from, length));
                from += length;
            } else {
                from++;
            }
        }
        return ranges;
    }
}
