package org.confab.client.ui.internal.views;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.confab.client.ui.MessageRenderer;
import org.confab.client.ui.WidgetIds;
import org.confab.client.ui.internal.model.Links;
import org.confab.client.ui.internal.model.Links.Link;
import org.confab.client.ui.internal.model.TextDirection;
import org.confab.client.ui.internal.model.TranscriptRows.Message;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;

/**
 * One message in the transcript: a bubble (own messages indented and blue, the peer's grey) with a
 * header (sender, time, delivery state) and a body drawn by the core for text, by the plugin's
 * {@link MessageRenderer} for its kind, or as a readable fallback when no plugin renders the kind.
 * Header and text are read-only {@link StyledText}s, so they can be selected and copied; links in the
 * text open in the desktop's browser, and every part of the row has the message's {@link MessageMenu}.
 */
final class MessageRowControl {
    static final String ROW_ID = "conversation.row";
    static final String FALLBACK_ID = "conversation.row.fallback";
    static final String TEXT_ID = "conversation.row.text";
    private static final System.Logger LOG = System.getLogger(MessageRowControl.class.getName());
    private static final Color OWN = new Color(222, 235, 255);
    private static final Color PEER = new Color(242, 242, 242);
    private static final Color HIGHLIGHT = new Color(255, 244, 190);
    private static final Color OWN_NAME = new Color(20, 70, 160);
    private static final Color PEER_NAME = new Color(20, 120, 60);
    private static final Color MUTED = new Color(110, 110, 110);
    private static final Color FAILED = new Color(190, 30, 30);
    private static final Color LINK = new Color(10, 80, 200);

    private final Composite bubble;
    private final StyledText header;
    private final Composite body;
    private final Function<String, Optional<MessageRenderer>> renderers;
    private final RowActions actions;
    private final MessageMenu menu;
    private Message row;
    /** The renderer the body was drawn with; null for the core's text or the fallback. */
    private MessageRenderer used;
    private boolean highlighted;

    MessageRowControl(Composite parent, Message row, Function<String, Optional<MessageRenderer>> renderers,
            RowActions actions) {
        this.renderers = renderers;
        this.actions = actions;
        this.menu = new MessageMenu(() -> this.row, actions);
        this.row = row;
        bubble = WidgetIds.name(new Composite(parent, SWT.NONE), ROW_ID);
        GridLayoutFactory.fillDefaults().margins(8, 4).spacing(2, 2).applyTo(bubble);
        GridDataFactory.fillDefaults().grab(true, false).indent(row.line().own() ? 48 : 0, 0).applyTo(bubble);
        header = WidgetIds.name(readOnlyText(bubble), "conversation.row.header");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(header);
        body = new Composite(bubble, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(body);
        menu.attach(bubble);
        menu.attach(header);
        showHeader();
        renderBody();
        paint();
    }

    Control control() {
        return bubble;
    }

    Message row() {
        return row;
    }

    /** Shows a new state of the same message; the body is drawn again only if its content changed. */
    void update(Message next) {
        boolean contentChanged = !next.line().content().equals(row.line().content());
        row = next;
        showHeader();
        if (contentChanged) {
            renderBody();
        }
        paint();
    }

    /** Draws the body again if a different renderer (or none) is now responsible for the kind. */
    boolean rendererChanged() {
        if (row.line().content().isText() || renderers.apply(row.line().kind()).orElse(null) == used) {
            return false;
        }
        renderBody();
        paint();
        return true;
    }

    void highlight(boolean on) {
        highlighted = on;
        paint();
        if (on) {
            header.setSelection(0, header.getCharCount());
        } else {
            header.setSelection(0);
        }
    }

    String selectedHeader() {
        return header.getSelectionText();
    }

    /** What the row shows, as text. */
    String shownText() {
        if (row.line().content().isText() || used != null) {
            return row.text();
        }
        return row.header() + "\n" + row.fallback() + (row.line().text().isEmpty() ? "" : "\n" + row.line().text());
    }

    void dispose() {
        bubble.dispose();
    }

    private void showHeader() {
        String text = row.header();
        header.setText(text);
        StyleRange sender = new StyleRange(0, row.sender().length(), row.line().own() ? OWN_NAME : PEER_NAME, null,
                SWT.BOLD);
        StyleRange rest = new StyleRange(row.sender().length(), text.length() - row.sender().length(),
                row.failed() ? FAILED : MUTED, null, row.failed() ? SWT.BOLD : SWT.NORMAL);
        header.setStyleRanges(new StyleRange[] { sender, rest });
    }

    private void renderBody() {
        for (Control child : body.getChildren()) {
            child.dispose();
        }
        body.setLayout(GridLayoutFactory.fillDefaults().create());
        used = null;
        if (row.line().content().isText()) {
            addText(row.line().text());
            return;
        }
        Optional<MessageRenderer> renderer = renderers.apply(row.line().kind());
        if (renderer.isPresent()) {
            try {
                renderer.get().render(body, new RowMessage(row.line(), row.sender()));
                used = renderer.get();
                return;
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "the renderer of " + row.line().kind() + " failed", e);
                for (Control child : body.getChildren()) {
                    child.dispose();
                }
                body.setLayout(GridLayoutFactory.fillDefaults().create());
            }
        }
        Label fallback = WidgetIds.name(new Label(body, SWT.WRAP), FALLBACK_ID);
        menu.attach(fallback);
        fallback.setText(row.fallback());
        fallback.setForeground(MUTED);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(fallback);
        if (!row.line().text().isEmpty()) {
            addText(row.line().text());
        }
        AttachmentSaveLinks.add(body, row.line().content().attachments());
    }

    /**
     * The message's text: links underlined and opened by a click (not by the click that ends a
     * selection), right-to-left text on the right, and the message's menu.
     */
    private void addText(String text) {
        StyledText styled = WidgetIds.name(readOnlyText(body), TEXT_ID);
        // set before the text: the orientation decides the side the lines start on, whatever relayouts follow
        styled.setOrientation(TextDirection.rightToLeft(text) ? SWT.RIGHT_TO_LEFT : SWT.LEFT_TO_RIGHT);
        styled.setText(text);
        List<Link> links = Links.find(text);
        styled.setStyleRanges(links.stream().map(link -> {
            StyleRange style = new StyleRange(link.start(), link.length(), LINK, null);
            style.underline = true;
            style.underlineStyle = SWT.UNDERLINE_LINK;
            return style;
        }).toArray(StyleRange[]::new));
        if (!links.isEmpty()) {
            styled.addListener(SWT.MouseMove, event -> styled.setCursor(linkAt(styled, event.x, event.y).isPresent()
                    ? styled.getDisplay().getSystemCursor(SWT.CURSOR_HAND) : null));
            styled.addListener(SWT.MouseUp, event -> {
                if (event.button == 1 && styled.getSelectionCount() == 0) {
                    linkAt(styled, event.x, event.y).ifPresent(link -> actions.openLink(link.target()));
                }
            });
        }
        menu.attach(styled);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(styled);
    }

    private static Optional<Link> linkAt(StyledText styled, int x, int y) {
        int offset = styled.getOffsetAtPoint(new Point(x, y));
        return offset < 0 ? Optional.empty() : Links.at(styled.getText(), offset);
    }

    private void paint() {
        Color background = highlighted ? HIGHLIGHT : row.line().own() ? OWN : PEER;
        bubble.setBackground(background);
        header.setBackground(background);
        body.setBackground(background);
        if (used == null) {
            for (Control child : body.getChildren()) {
                child.setBackground(background);
            }
        }
    }

    private static StyledText readOnlyText(Composite parent) {
        StyledText text = new StyledText(parent, SWT.READ_ONLY | SWT.WRAP | SWT.MULTI);
        text.setCaret(null);
        return text;
    }
}
