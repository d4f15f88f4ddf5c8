package org.confab.screenshot.ui.internal;

import java.util.function.Consumer;

import org.confab.client.ui.WidgetIds;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;

/**
 * Marks a screenshot up and decides what happens to it: rectangle, arrow, text and blur tools with undo
 * over the picture, then Send, Copy to clipboard, Save as… (these two keep the dialog open) or Cancel.
 * It does not block: Send hands the marked-up picture to the callback and closes.
 */
final class PreviewDialog extends Dialog {
    static final String SHELL_ID = "screenshot.preview";
    static final String CANVAS_ID = "screenshot.preview.canvas";
    /** Shell data: the marked-up picture as it would be sent (an {@link ImageData}), for tests and tools. */
    static final String IMAGE_DATA = "screenshot.image";
    static final int COPY_ID = IDialogConstants.CLIENT_ID + 1;
    static final int SAVE_ID = IDialogConstants.CLIENT_ID + 2;
    private static final int MAX_WIDTH = 1100;
    private static final int MAX_HEIGHT = 650;

    enum Tool {
        RECTANGLE("Rectangle"), ARROW("Arrow"), TEXT("Text"), BLUR("Blur");

        final String label;

        Tool(String label) {
            this.label = label;
        }
    }

    private final String title;
    private final Markup markup;
    private final ImageOutput output;
    private final Consumer<ImageData> send;
    private Tool tool = Tool.RECTANGLE;
    private Canvas canvas;
    private Button undo;
    private Image shown;
    private ImageData rendered;
    private double scale = 1;
    private Point anchor;
    private Point pointer;

    private PreviewDialog(Shell parent, String title, ImageData picture, ImageOutput output, Consumer<ImageData> send) {
        super(parent);
        this.title = title;
        this.markup = new Markup(picture);
        this.output = output;
        this.send = send;
        setShellStyle(getShellStyle() | SWT.RESIZE);
        setBlockOnOpen(false);
    }

    /** Opens the preview of a picture; {@code send} gets the marked-up picture if the user sends it. */
    static PreviewDialog show(Shell parent, String title, ImageData picture, ImageOutput output, Consumer<ImageData> send) {
        PreviewDialog dialog = new PreviewDialog(parent, title, picture, output, send);
        dialog.open();
        return dialog;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(title);
        WidgetIds.name(shell, SHELL_ID);
        shell.addListener(SWT.Dispose, event -> {
            if (shown != null) {
                shown.dispose();
            }
        });
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        Composite bar = new Composite(area, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(Tool.values().length + 2).applyTo(bar);
        for (Tool each : Tool.values()) {
            Button button = WidgetIds.name(new Button(bar, SWT.RADIO), "screenshot.tool." + each.name().toLowerCase());
            button.setText(each.label);
            button.setSelection(each == tool);
            button.addListener(SWT.Selection, event -> {
                if (button.getSelection()) {
                    tool = each;
                }
            });
        }
        undo = WidgetIds.name(new Button(bar, SWT.PUSH), "screenshot.undo");
        undo.setText("Undo");
        undo.addListener(SWT.Selection, event -> {
            markup.undo();
            refresh();
        });
        Label size = new Label(bar, SWT.NONE);
        size.setText("   " + markup.width() + " \u00D7 " + markup.height() + " pixels");
        // points per picture pixel: one device pixel each (half a point at 200 %), less if it does not fit
        scale = Math.min(100.0 / DevicePixels.zoom(parent.getDisplay()),
                Math.min((double) MAX_WIDTH / markup.width(), (double) MAX_HEIGHT / markup.height()));
        canvas = WidgetIds.name(new Canvas(area, SWT.DOUBLE_BUFFERED | SWT.BORDER), CANVAS_ID);
        canvas.setCursor(canvas.getDisplay().getSystemCursor(SWT.CURSOR_CROSS));
        GridDataFactory.fillDefaults().grab(true, true)
                .hint((int) Math.ceil(markup.width() * scale), (int) Math.ceil(markup.height() * scale)).applyTo(canvas);
        canvas.addListener(SWT.Paint, event -> paint(event.gc));
        canvas.addListener(SWT.MouseDown, this::pressed);
        canvas.addListener(SWT.MouseMove, event -> {
            if (anchor != null) {
                pointer = new Point(event.x, event.y);
                canvas.redraw();
            }
        });
        canvas.addListener(SWT.MouseUp, this::released);
        refresh();
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        WidgetIds.name(createButton(parent, IDialogConstants.OK_ID, "&Send", true), "screenshot.send");
        WidgetIds.name(createButton(parent, COPY_ID, "&Copy to clipboard", false), "screenshot.copy");
        WidgetIds.name(createButton(parent, SAVE_ID, "Save &as\u2026", false), "screenshot.save");
        WidgetIds.name(createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false),
                "screenshot.cancel");
    }

    @Override
    protected void buttonPressed(int buttonId) {
        if (buttonId == COPY_ID) {
            output.copy(getShell(), rendered);
        } else if (buttonId == SAVE_ID) {
            output.saveAs(getShell(), rendered);
        } else if (buttonId == IDialogConstants.OK_ID) {
            ImageData picture = rendered;
            close();
            send.accept(picture);
        } else {
            super.buttonPressed(buttonId);
        }
    }

    /** The marked-up picture as it stands. */
    ImageData picture() {
        return rendered;
    }

    private void pressed(Event event) {
        if (event.button == 1) {
            anchor = new Point(event.x, event.y);
            pointer = anchor;
        }
    }

    private void released(Event event) {
        if (event.button != 1 || anchor == null) {
            return;
        }
        Point from = toImage(anchor);
        Point to = toImage(new Point(event.x, event.y));
        anchor = null;
        Rectangle area = Mark.between(from, to);
        switch (tool) {
        case RECTANGLE -> addIf(Markup.visible(area), new Mark.Box(area));
        case BLUR -> addIf(Markup.visible(area), new Mark.Blur(area));
        case ARROW -> addIf(Math.hypot(to.x - from.x, to.y - from.y) >= 5, new Mark.Arrow(from, to));
        case TEXT -> askText(to);
        }
        canvas.redraw();
    }

    private void askText(Point at) {
        InputDialog input = new InputDialog(getShell(), "Text", "Text to put on the screenshot:", "", null);
        if (input.open() == Window.OK && !input.getValue().isBlank()) {
            addIf(true, new Mark.Note(at, input.getValue().strip()));
        }
    }

    private void addIf(boolean keep, Mark mark) {
        if (keep) {
            markup.add(mark);
            refresh();
        }
    }

    private void refresh() {
        rendered = markup.render(canvas.getDisplay());
        if (shown != null) {
            shown.dispose();
        }
        shown = DevicePixels.image(canvas.getDisplay(), rendered);
        canvas.getShell().setData(IMAGE_DATA, rendered);
        undo.setEnabled(markup.canUndo());
        canvas.redraw();
    }

    private Point toImage(Point onCanvas) {
        return new Point(clamp((int) Math.round(onCanvas.x / scale), markup.width()),
                clamp((int) Math.round(onCanvas.y / scale), markup.height()));
    }

    private static int clamp(int value, int size) {
        return Math.max(0, Math.min(size, value));
    }

    private void paint(GC gc) {
        Rectangle bounds = shown.getBounds();
        gc.drawImage(shown, 0, 0, bounds.width, bounds.height, 0, 0, (int) Math.round(rendered.width * scale),
                (int) Math.round(rendered.height * scale));
        if (anchor != null && pointer != null) {
            gc.setForeground(gc.getDevice().getSystemColor(tool == Tool.BLUR ? SWT.COLOR_DARK_GRAY : SWT.COLOR_RED));
            gc.setLineStyle(SWT.LINE_DASH);
            if (tool == Tool.ARROW) {
                gc.drawLine(anchor.x, anchor.y, pointer.x, pointer.y);
            } else {
                gc.drawRectangle(Mark.between(anchor, pointer));
            }
        }
    }
}
