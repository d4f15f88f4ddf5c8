package org.confab.client.ui.internal.model;

import java.util.List;
import java.util.Map;

/**
 * A conversation rendered as text with styled spans, ready for a text widget.
 *
 * @param text the whole transcript
 * @param spans styled ranges of {@code text}
 * @param lines the style of each line (index = line number), for backgrounds and alignment
 * @param messageOffsets where each stored message's header starts, by message id
 */
public record Transcript(String text, List<Span> spans, List<Kind> lines, Map<Long, Integer> messageOffsets) {

    /** What a span or line shows; the widget maps kinds to fonts and colours. */
    public enum Kind {
        DAY, OWN_HEADER, PEER_HEADER, TIME, STATE, FAILED, OWN_BODY, PEER_BODY, PLAIN
    }

    /** A styled range. */
    public record Span(int start, int length, Kind kind) {
    }
}
