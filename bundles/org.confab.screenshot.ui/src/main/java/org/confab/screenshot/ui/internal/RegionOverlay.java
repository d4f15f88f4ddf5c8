package org.confab.screenshot.ui.internal;

import java.util.Optional;
import java.util.function.Consumer;

import org.confab.client.ui.WidgetIds;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;

/**
 * The full-screen overlay over all monitors on which the user picks what to share: it shows the capture
 * dimmed, a crosshair at the pointer and, while dragging, the selected region undimmed with its size in
 * pixels. Releasing the drag takes the region; Enter or a double-click takes the whole screen; Esc
 * cancels. Does not block: the answer goes to the callback (empty when cancelled), on the display thread.
 */
final class RegionOverlay {
    static final String SHELL_ID = "screenshot.overlay";
    static final String CANVAS_ID = "screenshot.overlay.canvas";
    private static final Color ACCENT = new Color(40, 160, 255);
    private static final Color READOUT_BACK = new Color(30, 30, 30);
    private static final Color READOUT_TEXT = new Color(255, 255, 255);

    private final ImageData capture;
    private final Consumer<Optional<ImageData>> done;
    private final Shell shell;
    private final Canvas canvas;
    private final Image image;
    private Point pointer = new Point(-1, -1);
    private Point anchor;
    private boolean finished;

    private RegionOverlay(Display display, Rectangle desktop, ImageData capture, Consumer<Optional<ImageData>> done) {
        this.capture = capture;
        this.done = done;
        image = DevicePixels.image(display, capture);
        shell = WidgetIds.name(new Shell(display, SWT.NO_TRIM | SWT.ON_TOP), SHELL_ID);
        shell.setText("Select a region to share");
        shell.setLayout(new FillLayout());
        shell.setBounds(desktop);
        canvas = WidgetIds.name(new Canvas(shell, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND), CANVAS_ID);
        canvas.setCursor(display.getSystemCursor(SWT.CURSOR_CROSS));
        canvas.addListener(SWT.Paint, event -> paint(event.gc));
        canvas.addListener(SWT.MouseMove, this::moved);
        canvas.addListener(SWT.MouseDown, this::pressed);
        canvas.addListener(SWT.MouseUp, this::released);
        canvas.addListener(SWT.MouseDoubleClick, event -> finish(Optional.of(capture)));
        canvas.addListener(SWT.KeyDown, this::key);
        shell.addListener(SWT.Dispose, event -> {
            image.dispose();
            finish(Optional.empty());
        });
    }

    /** Shows the overlay for a capture of the whole desktop ({@code desktop} in points). */
    static void select(Display display, Rectangle desktop, ImageData capture, Consumer<Optional<ImageData>> done) {
        RegionOverlay overlay = new RegionOverlay(display, desktop, capture, done);
        overlay.shell.open();
        overlay.shell.forceActive();
        overlay.canvas.setFocus();
    }

    private void key(Event event) {
        if (event.keyCode == SWT.ESC) {
            finish(Optional.empty());
        } else if (event.keyCode == SWT.CR || event.keyCode == SWT.KEYPAD_CR) {
            finish(Optional.of(capture));
        }
    }

    private void pressed(Event event) {
        if (event.button == 1) {
            anchor = new Point(event.x, event.y);
        }
    }

    private void moved(Event event) {
        pointer = new Point(event.x, event.y);
        canvas.redraw();
    }

    private void released(Event event) {
        if (event.button != 1 || anchor == null) {
            return;
        }
        Rectangle region = toPixels(Mark.between(anchor, new Point(event.x, event.y)));
        anchor = null;
        if (Markup.visible(region)) {
            finish(Optional.of(Pixels.crop(capture, region)));
        } else {
            canvas.redraw();
        }
    }

    private void finish(Optional<ImageData> result) {
        if (finished) {
            return;
        }
        finished = true;
        if (!shell.isDisposed()) {
            shell.dispose();
        }
        done.accept(result);
    }

    /** Overlay coordinates (points) to capture pixels. */
    private Rectangle toPixels(Rectangle points) {
        Rectangle size = canvas.getClientArea();
        double sx = (double) capture.width / Math.max(1, size.width);
        double sy = (double) capture.height / Math.max(1, size.height);
        return new Rectangle((int) Math.round(points.x * sx), (int) Math.round(points.y * sy),
                (int) Math.round(points.width * sx), (int) Math.round(points.height * sy));
    }

    private void paint(GC gc) {
        Rectangle area = canvas.getClientArea();
        Rectangle shown = image.getBounds();
        gc.drawImage(image, 0, 0, shown.width, shown.height, 0, 0, area.width, area.height);
        gc.setAlpha(110);
        gc.setBackground(canvas.getDisplay().getSystemColor(SWT.COLOR_BLACK));
        gc.fillRectangle(area);
        gc.setAlpha(255);
        gc.setForeground(ACCENT);
        if (anchor != null) {
            Rectangle selected = Mark.between(anchor, pointer);
            Rectangle pixels = toPixels(selected);
            if (selected.width > 0 && selected.height > 0) {
                // the image's bounds are the overlay's (both in points), so the selection is its own source
                gc.drawImage(image, selected.x, selected.y, selected.width, selected.height, selected.x, selected.y,
                        selected.width, selected.height);
            }
            gc.drawRectangle(selected);
            readout(gc, pixels.width + " \u00D7 " + pixels.height, pointer);
        } else {
            gc.drawLine(0, pointer.y, area.width, pointer.y);
            gc.drawLine(pointer.x, 0, pointer.x, area.height);
            readout(gc, "Drag to select \u00B7 Enter: whole screen \u00B7 Esc: cancel", pointer);
        }
    }

    private void readout(GC gc, String text, Point at) {
        Point extent = gc.textExtent(text);
        int x = Math.max(0, Math.min(at.x + 14, canvas.getClientArea().width - extent.x - 8));
        int y = Math.max(0, Math.min(at.y + 18, canvas.getClientArea().height - extent.y - 6));
        gc.setBackground(READOUT_BACK);
        gc.fillRoundRectangle(x, y, extent.x + 8, extent.y + 4, 6, 6);
        gc.setForeground(READOUT_TEXT);
        gc.drawText(text, x + 4, y + 2, true);
    }
}
