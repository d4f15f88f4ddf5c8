package org.confab.client.ui.internal.model;

import java.util.ArrayList;
import java.util.List;

/** Where a search text occurs in a message, ignoring case, the way {@code chat.search} matches. */
public final class Highlights {
    /** One occurrence. */
    public record Range(int start, int length) {
    }

    /** A part of a message around its first hit, with the hits inside it. */
    public record Snippet(String text, List<Range> ranges) {
    }

    private static final String ELLIPSIS = "\u2026";

    private Highlights() {
    }

    /**
     * The text around the first occurrence: at most {@code context} characters before it (from a word
     * boundary where there is one) and as much after it as fits in {@code width}, with "\u2026" where
     * text was left out; line breaks become spaces so a table cell shows it.
     */
    public static Snippet snippet(String text, String query, int context, int width) {
        String flat = text == null ? "" : text.replace('\n', ' ').replace('\r', ' ');
        List<Range> hits = find(flat, query);
        int start = hits.isEmpty() ? 0 : Math.max(0, hits.get(0).start() - context);
        if (start > 0) {
            int space = flat.indexOf(' ', start);
            if (space >= 0 && space < hits.get(0).start()) {
                start = space + 1;
            }
        }
        int end = Math.min(flat.length(), start + width);
        String prefix = start > 0 ? ELLIPSIS : "";
        String shown = prefix + flat.substring(start, end) + (end < flat.length() ? ELLIPSIS : "");
        int shift = prefix.length() - start;
        int from = start;
        int to = end;
        List<Range> inside = hits.stream().filter(hit -> hit.start() >= from && hit.start() + hit.length() <= to)
                .map(hit -> new Range(hit.start() + shift, hit.length())).toList();
        return new Snippet(shown, inside);
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
