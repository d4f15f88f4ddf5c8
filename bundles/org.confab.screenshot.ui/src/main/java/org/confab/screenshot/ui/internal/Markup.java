package org.confab.screenshot.ui.internal;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;

/**
 * A screenshot and the marks drawn on it, in order; undo removes the last. The marked-up picture is
 * always computed from the untouched capture, so undoing a blur brings back what was under it (before
 * sending: what is sent holds only the pixelated pixels).
 */
final class Markup {
    static final int LINE_WIDTH = 3;
    private static final int ARROW_HEAD = 14;

    private final ImageData original;
    private final List<Mark> marks = new ArrayList<>();

    Markup(ImageData original) {
        this.original = Pixels.copy(original);
    }

    void add(Mark mark) {
        marks.add(mark);
    }

    boolean canUndo() {
        return !marks.isEmpty();
    }

    void undo() {
        if (!marks.isEmpty()) {
            marks.remove(marks.size() - 1);
        }
    }

    List<Mark> marks() {
        return List.copyOf(marks);
    }

    int width() {
        return original.width;
    }

    int height() {
        return original.height;
    }

    /** The picture with every mark applied, in order (a blur covers the marks drawn before it). */
    ImageData render(Display display) {
        ImageData current = Pixels.copy(original);
        int drawnUpTo = 0;
        for (int i = 0; i <= marks.size(); i++) {
            boolean end = i == marks.size();
            if (end || marks.get(i) instanceof Mark.Blur) {
                current = draw(display, current, marks.subList(drawnUpTo, i));
                if (!end) {
                    Pixels.pixelate(current, ((Mark.Blur) marks.get(i)).area(), Pixels.BLOCK);
                }
                drawnUpTo = i + 1;
            }
        }
        return current;
    }

    /** Draws boxes, arrows and notes with a GC; returns the image unchanged when there are none. */
    private static ImageData draw(Display display, ImageData base, List<Mark> drawn) {
        if (drawn.isEmpty()) {
            return base;
        }
        // the GC draws in points on the image at the display's zoom, whose data are the picture's pixels
        int zoom = DevicePixels.zoom(display);
        double points = 100.0 / zoom;
        Image image = DevicePixels.image(display, base);
        GC gc = new GC(image);
        Color red = new Color(220, 30, 30);
        Font font = new Font(display, new FontData("Sans", 16, SWT.BOLD));
        try {
            gc.setAntialias(SWT.ON);
            gc.setForeground(red);
            gc.setBackground(red);
            gc.setLineWidth(Math.max(1, (int) Math.round(LINE_WIDTH * points)));
            gc.setFont(font);
            for (Mark mark : drawn) {
                switch (mark) {
                case Mark.Box box -> gc.drawRectangle(scaled(box.area(), points));
                case Mark.Arrow arrow -> arrow(gc, scaled(arrow.from(), points), scaled(arrow.to(), points), points);
                case Mark.Note note -> gc.drawText(note.text(), scaled(note.at(), points).x, scaled(note.at(), points).y,
                        SWT.DRAW_TRANSPARENT);
                case Mark.Blur blur -> throw new IllegalStateException("blurs are applied to the pixels");
                }
            }
            return Pixels.copy(image.getImageData(zoom));
        } finally {
            font.dispose();
            gc.dispose();
            image.dispose();
        }
    }

    private static Rectangle scaled(Rectangle area, double factor) {
        return new Rectangle((int) Math.round(area.x * factor), (int) Math.round(area.y * factor),
                (int) Math.round(area.width * factor), (int) Math.round(area.height * factor));
    }

    private static Point scaled(Point point, double factor) {
        return new Point((int) Math.round(point.x * factor), (int) Math.round(point.y * factor));
    }

    private static void arrow(GC gc, Point from, Point to, double points) {
        int headLength = (int) Math.round(ARROW_HEAD * points);
        gc.drawLine(from.x, from.y, to.x, to.y);
        double angle = Math.atan2(to.y - from.y, to.x - from.x);
        int[] head = new int[6];
        head[0] = to.x;
        head[1] = to.y;
        for (int side = 0; side < 2; side++) {
            double wing = angle + Math.PI + (side == 0 ? 0.45 : -0.45);
            head[2 + side * 2] = (int) Math.round(to.x + headLength * Math.cos(wing));
            head[3 + side * 2] = (int) Math.round(to.y + headLength * Math.sin(wing));
        }
        gc.fillPolygon(head);
    }

    /** Whether a mark is big enough to keep (a click without a drag draws nothing). */
    static boolean visible(Rectangle area) {
        return area.width >= 3 && area.height >= 3;
    }
}
