package org.confab.client.ui.internal.views;

import org.confab.client.ui.WidgetIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.confab.client.ui.internal.model.Transcript;
import org.confab.client.ui.internal.model.Transcript.Kind;
import org.confab.client.ui.internal.model.Transcript.Span;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Composite;

/**
 * Shows a {@link Transcript} in a read-only {@link StyledText}: own messages right-aligned on blue,
 * the peer's left-aligned on grey, day separators centred. Keeps the reader's place: at the bottom it
 * follows new messages; when older messages are added above, the message at the top stays put.
 */
final class TranscriptView {
    private static final Color OWN = new Color(222, 235, 255);
    private static final Color PEER = new Color(242, 242, 242);
    private static final Color OWN_NAME = new Color(20, 70, 160);
    private static final Color PEER_NAME = new Color(20, 120, 60);
    private static final Color MUTED = new Color(110, 110, 110);
    private static final Color FAILED = new Color(190, 30, 30);

    private final StyledText text;
    private Transcript shown = new Transcript("", List.of(), List.of(), Map.of());

    TranscriptView(Composite parent) {
        text = new StyledText(parent, SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL | SWT.BORDER);
        text.setLeftMargin(8);
        text.setRightMargin(8);
        text.setTopMargin(4);
        text.setBottomMargin(4);
        text.setCaret(null);
        WidgetIds.name(text, "conversation.transcript");
    }

    StyledText control() {
        return text;
    }

    void show(Transcript next) {
        boolean atBottom = atBottom();
        OptionalLong anchor = atBottom ? OptionalLong.empty() : messageAtTop();
        // how far above the top of the view the anchor message starts (negative: below it)
        int anchorShift = anchor.isPresent()
                ? -text.getLinePixel(text.getLineAtOffset(shown.messageOffsets().get(anchor.getAsLong())))
                : 0;
        shown = next;
        text.setRedraw(false);
        try {
            text.setText(next.text());
            text.setStyleRanges(styles(next));
            applyLines(next.lines());
            if (atBottom) {
                text.setTopPixel(Integer.MAX_VALUE / 2);
            } else if (anchor.isPresent() && next.messageOffsets().containsKey(anchor.getAsLong())) {
                int line = text.getLineAtOffset(next.messageOffsets().get(anchor.getAsLong()));
                text.setTopPixel(Math.max(0, text.getTopPixel() + text.getLinePixel(line) + anchorShift));
            }
        } finally {
            text.setRedraw(true);
        }
    }

    /** Scrolls to a message and selects its header; false when it is not in the transcript. */
    boolean reveal(long messageId) {
        Integer offset = shown.messageOffsets().get(messageId);
        if (offset == null) {
            return false;
        }
        int line = text.getLineAtOffset(offset);
        text.setTopIndex(Math.max(0, line - 1));
        text.setSelection(offset, offset + text.getLine(line).length());
        return true;
    }

    boolean atTop() {
        return text.getTopPixel() == 0;
    }

    /** Whether everything fits without scrolling. */
    boolean fits() {
        return text.getLinePixel(text.getLineCount()) <= text.getClientArea().height;
    }

    String content() {
        return text.getText();
    }

    private boolean atBottom() {
        if (shown.text().isEmpty()) {
            return true;
        }
        int bottom = text.getLinePixel(text.getLineCount()) - text.getLinePixel(0);
        return text.getTopPixel() + text.getClientArea().height >= bottom - 4;
    }

    private OptionalLong messageAtTop() {
        int topOffset = text.getOffsetAtLine(text.getTopIndex());
        long best = -1;
        int bestOffset = -1;
        for (Map.Entry<Long, Integer> entry : shown.messageOffsets().entrySet()) {
            if (entry.getValue() >= topOffset && (bestOffset < 0 || entry.getValue() < bestOffset)) {
                best = entry.getKey();
                bestOffset = entry.getValue();
            }
        }
        return best < 0 ? OptionalLong.empty() : OptionalLong.of(best);
    }

    private static StyleRange[] styles(Transcript transcript) {
        List<StyleRange> ranges = new ArrayList<>();
        for (Span span : transcript.spans()) {
            if (span.length() == 0) {
                continue;
            }
            StyleRange range = new StyleRange();
            range.start = span.start();
            range.length = span.length();
            switch (span.kind()) {
                case OWN_HEADER -> style(range, OWN_NAME, SWT.BOLD);
                case PEER_HEADER -> style(range, PEER_NAME, SWT.BOLD);
                case TIME, STATE -> style(range, MUTED, SWT.NORMAL);
                case DAY -> style(range, MUTED, SWT.ITALIC);
                case FAILED -> style(range, FAILED, SWT.BOLD);
                default -> {
                    continue;
                }
            }
            ranges.add(range);
        }
        return ranges.toArray(StyleRange[]::new);
    }

    private static void style(StyleRange range, Color color, int fontStyle) {
        range.foreground = color;
        range.fontStyle = fontStyle;
    }

    private void applyLines(List<Kind> lines) {
        int count = Math.min(lines.size(), text.getLineCount());
        for (int i = 0; i < count; i++) {
            Kind kind = lines.get(i);
            boolean own = kind == Kind.OWN_HEADER || kind == Kind.OWN_BODY;
            boolean peer = kind == Kind.PEER_HEADER || kind == Kind.PEER_BODY;
            text.setLineBackground(i, 1, own ? OWN : peer ? PEER : null);
            text.setLineAlignment(i, 1, kind == Kind.DAY ? SWT.CENTER : own ? SWT.RIGHT : SWT.LEFT);
            text.setLineVerticalIndent(i, kind == Kind.DAY || kind == Kind.OWN_HEADER || kind == Kind.PEER_HEADER ? 6 : 0);
        }
    }
}
