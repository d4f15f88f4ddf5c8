package org.confab.screenshot.ui.internal;

import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;

/** One markup on a screenshot, in image pixels. */
sealed interface Mark {

    /** An outlined rectangle, to point at something. */
    record Box(Rectangle area) implements Mark {
    }

    /** An arrow from one point to another (the head at {@code to}). */
    record Arrow(Point from, Point to) implements Mark {
    }

    /** A line of text whose top left corner is {@code at}. */
    record Note(Point at, String text) implements Mark {
    }

    /** A pixelated area, to hide what is under it. */
    record Blur(Rectangle area) implements Mark {
    }

    /** The rectangle spanned by two corners given in any order. */
    static Rectangle between(Point a, Point b) {
        return new Rectangle(Math.min(a.x, b.x), Math.min(a.y, b.y), Math.abs(a.x - b.x), Math.abs(a.y - b.y));
    }
}
