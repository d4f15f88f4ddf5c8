package org.confab.screenshot.ui.internal;

import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Monitor;

/**
 * Copies what the screens show. All monitors together form one desktop (their bounds may start at
 * negative coordinates); the capture is in device pixels, so on a monitor scaled to 200 % a region of
 * 100 by 100 points becomes 200 by 200 pixels and nothing is lost to scaling.
 */
final class ScreenGrabber {
    private ScreenGrabber() {
    }

    /** The bounds, in points, of all monitors together. */
    static Rectangle desktop(Display display) {
        Rectangle all = null;
        for (Monitor monitor : display.getMonitors()) {
            all = all == null ? monitor.getBounds() : all.union(monitor.getBounds());
        }
        return all == null ? display.getBounds() : all;
    }

    /** The zoom of the most magnified monitor (100 = no scaling), at which the capture is taken. */
    static int zoom(Display display) {
        int zoom = 100;
        for (Monitor monitor : display.getMonitors()) {
            zoom = Math.max(zoom, monitor.getZoom());
        }
        return zoom;
    }

    /**
     * What the screens show inside {@code area} (points, desktop coordinates), as a 24-bit image in
     * device pixels. Call on the display thread.
     */
    static ImageData grab(Display display, Rectangle area) {
        Image image = new Image(display, area.width, area.height);
        GC gc = new GC(display);
        try {
            gc.copyArea(image, area.x, area.y);
            return Pixels.copy(image.getImageData(zoom(display)));
        } finally {
            gc.dispose();
            image.dispose();
        }
    }
}
