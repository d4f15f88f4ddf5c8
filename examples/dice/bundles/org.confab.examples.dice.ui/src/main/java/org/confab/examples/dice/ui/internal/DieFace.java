package org.confab.examples.dice.ui.internal;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;

/** A die face: a rounded square with the number in its middle (a 20-sided die has no pips to draw). */
final class DieFace {
    static final int SIZE = 44;

    private DieFace() {
    }

    static void paint(GC gc, int value) {
        gc.setAntialias(SWT.ON);
        gc.setBackground(gc.getDevice().getSystemColor(SWT.COLOR_WHITE));
        gc.fillRoundRectangle(1, 1, SIZE - 3, SIZE - 3, 12, 12);
        gc.setForeground(gc.getDevice().getSystemColor(SWT.COLOR_DARK_RED));
        gc.setLineWidth(2);
        gc.drawRoundRectangle(1, 1, SIZE - 3, SIZE - 3, 12, 12);
        String text = Integer.toString(value);
        Point extent = gc.textExtent(text);
        gc.drawText(text, (SIZE - extent.x) / 2, (SIZE - extent.y) / 2, true);
    }
}
