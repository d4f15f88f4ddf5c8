package org.confab.client.ui.internal.views;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.confab.client.ui.MessageRenderer;
import org.confab.client.ui.WidgetIds;
import org.confab.client.ui.internal.model.RowWindow;
import org.confab.client.ui.internal.model.TranscriptRows.Day;
import org.confab.client.ui.internal.model.TranscriptRows.Message;
import org.confab.client.ui.internal.model.TranscriptRows.Row;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;

/**
 * The transcript: a scrolled column with one control per row (day separators and
 * {@link MessageRowControl message rows}), so plugins can draw their kinds inside it. Rows are keyed:
 * a render updates the rows whose message changed and creates only new ones. Only the newest rows of
 * the conversation have controls ({@link RowWindow}); reaching the top takes in a page more before the
 * server is asked for older messages. Keeps the reader's place: at the bottom it follows new messages;
 * when rows are added above, the row at the top stays put.
 */
final class TranscriptView {
    static final int PAGE = 100;
    private static final Color DAY = new Color(110, 110, 110);

    private final ScrolledComposite scroll;
    private final Composite column;
    private final Function<String, Optional<MessageRenderer>> renderers;
    private final RowActions actions;
    private final RowWindow window = new RowWindow(PAGE);
    /** Rows with controls, top to bottom. */
    private final Map<String, Object> shown = new LinkedHashMap<>();
    private List<Row> rows = List.of();
    private String highlighted;

    TranscriptView(Composite parent, Function<String, Optional<MessageRenderer>> renderers, RowActions actions) {
        this.renderers = renderers;
        this.actions = actions;
        scroll = WidgetIds.name(new ScrolledComposite(parent, SWT.V_SCROLL | SWT.BORDER), "conversation.transcript");
        scroll.setExpandHorizontal(true);
        scroll.setExpandVertical(true);
        column = new Composite(scroll, SWT.NONE);
        column.setBackground(parent.getDisplay().getSystemColor(SWT.COLOR_LIST_BACKGROUND));
        scroll.setBackground(column.getBackground());
        GridLayoutFactory.fillDefaults().margins(8, 6).spacing(0, 6).applyTo(column);
        scroll.setContent(column);
        scroll.addListener(SWT.Resize, e -> resize());
    }

    ScrolledComposite control() {
        return scroll;
    }

    /** Shows the rows of the conversation, updating the controls in place. */
    void show(List<Row> next) {
        boolean atBottom = atBottom();
        Optional<Anchor> anchor = atBottom ? Optional.empty() : anchor();
        rows = next;
        column.setRedraw(false);
        try {
            reconcile();
            resize();
            if (atBottom) {
                scroll.setOrigin(0, Integer.MAX_VALUE / 2);
            } else {
                anchor.ifPresent(this::restore);
            }
        } finally {
            column.setRedraw(true);
            // rows updated in place (a delivery state) must be painted again, children included
            column.redraw(0, 0, column.getSize().x, column.getSize().y, true);
        }
    }

    /** Renderers came or went: rows of the kinds concerned are drawn again. */
    void renderersChanged() {
        boolean changed = false;
        for (Object control : shown.values()) {
            if (control instanceof MessageRowControl message) {
                changed |= message.rendererChanged();
            }
        }
        if (changed) {
            resize();
        }
    }

    /** Takes in a page of older rows that have no controls yet; false when all have. */
    boolean showMoreAbove() {
        if (!window.grow(rows.size())) {
            return false;
        }
        show(rows);
        return true;
    }

    /** Scrolls to a message and highlights it; false when it is not in the transcript. */
    boolean reveal(long messageId) {
        int index = indexOf(messageId);
        if (index < 0) {
            return false;
        }
        if (index < window.first(rows.size())) {
            window.include(index, rows.size());
            show(rows);
        }
        highlighted = rows.get(index).key();
        applyHighlight();
        MessageRowControl row = (MessageRowControl) shown.get(highlighted);
        scroll.setOrigin(0, Math.max(0, row.control().getBounds().y - 12));
        return true;
    }

    /** The header of the highlighted message as selected in it (for tests: what a jump selected). */
    Optional<String> highlightedHeader() {
        return highlighted != null && shown.get(highlighted) instanceof MessageRowControl row
                ? Optional.of(row.selectedHeader()) : Optional.empty();
    }

    boolean atTop() {
        return scroll.getOrigin().y <= 0;
    }

    /** Whether everything fits without scrolling. */
    boolean fits() {
        return column.getSize().y <= scroll.getClientArea().height;
    }

    /** The rows with controls as text, top to bottom. */
    String content() {
        return shown.values().stream()
                .map(c -> c instanceof MessageRowControl message ? message.shownText() : ((Label) c).getText())
                .collect(Collectors.joining("\n"));
    }

    private void reconcile() {
        int first = window.first(rows.size());
        Map<String, Object> previous = new HashMap<>(shown);
        shown.clear();
        Control above = null;
        for (Row row : rows.subList(first, rows.size())) {
            Object control = previous.remove(row.key());
            if (control instanceof MessageRowControl message && row instanceof Message next) {
                if (!message.row().equals(next)) {
                    message.update(next);
                }
            } else if (control instanceof Label day && row instanceof Day separator) {
                day.setText(separator.text());
            } else {
                dispose(control);
                control = create(row);
            }
            Control widget = control instanceof MessageRowControl message ? message.control() : (Control) control;
            if (above == null) {
                widget.moveAbove(null);
            } else {
                widget.moveBelow(above);
            }
            above = widget;
            shown.put(row.key(), control);
        }
        previous.values().forEach(TranscriptView::dispose);
        applyHighlight();
    }

    private Object create(Row row) {
        if (row instanceof Message message) {
            return new MessageRowControl(column, message, renderers, actions);
        }
        Label day = WidgetIds.name(new Label(column, SWT.CENTER), "conversation.day");
        day.setText(row.text());
        day.setForeground(DAY);
        day.setBackground(column.getBackground());
        GridDataFactory.fillDefaults().grab(true, false).indent(0, 4).applyTo(day);
        return day;
    }

    private static void dispose(Object control) {
        if (control instanceof MessageRowControl message) {
            message.dispose();
        } else if (control instanceof Control widget) {
            widget.dispose();
        }
    }

    private void applyHighlight() {
        for (Map.Entry<String, Object> entry : shown.entrySet()) {
            if (entry.getValue() instanceof MessageRowControl message) {
                message.highlight(entry.getKey().equals(highlighted));
            }
        }
    }

    private int indexOf(long messageId) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i) instanceof Message message && message.line().messageId() == messageId) {
                return i;
            }
        }
        return -1;
    }

    /** Fits the column to the width of the view; wrapped text decides its height. */
    private void resize() {
        Rectangle area = scroll.getClientArea();
        column.layout(true, true);
        scroll.setMinSize(column.computeSize(area.width, SWT.DEFAULT));
    }

    private boolean atBottom() {
        return shown.isEmpty() || scroll.getOrigin().y + scroll.getClientArea().height >= column.getSize().y - 4;
    }

    /** The first row at least partly in view, and how far above the view's top it starts. */
    private record Anchor(String key, int shift) {
    }

    private Optional<Anchor> anchor() {
        int top = scroll.getOrigin().y;
        for (Map.Entry<String, Object> entry : shown.entrySet()) {
            Rectangle bounds = widget(entry.getValue()).getBounds();
            if (bounds.y + bounds.height > top) {
                return Optional.of(new Anchor(entry.getKey(), bounds.y - top));
            }
        }
        return Optional.empty();
    }

    private void restore(Anchor anchor) {
        Object control = shown.get(anchor.key());
        if (control != null) {
            scroll.setOrigin(0, Math.max(0, widget(control).getBounds().y - anchor.shift()));
        }
    }

    private static Control widget(Object control) {
        return control instanceof MessageRowControl message ? message.control() : (Control) control;
    }

    /** The keys of the rows with controls, top to bottom (for tests). */
    List<String> shownKeys() {
        return new ArrayList<>(shown.keySet());
    }
}
