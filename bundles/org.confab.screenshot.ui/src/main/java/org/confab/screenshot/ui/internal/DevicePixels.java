package org.confab.screenshot.ui.internal;

import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageDataProvider;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Display;

/**
 * Images whose data are device pixels. SWT takes the data of {@code new Image(display, data)} as 100 %
 * and magnifies it on a scaled (HiDPI) display, so a capture taken in device pixels would be shown twice
 * as large and drawn on at the wrong resolution. These images give SWT the data as they are at the
 * display's own zoom (one data pixel per device pixel), and scaled only for other zooms.
 */
final class DevicePixels {
    private DevicePixels() {
    }

    /** The zoom the display draws at (100 = no scaling). */
    static int zoom(Display display) {
        return ScreenGrabber.zoom(display);
    }

    /** An image showing the data one pixel per device pixel; its bounds are in points. */
    static Image image(Display display, ImageData data) {
        int zoom = zoom(display);
        return new Image(display, (ImageDataProvider) requested -> requested == zoom ? data
                : data.scaledTo(Math.max(1, data.width * requested / zoom), Math.max(1, data.height * requested / zoom)));
    }

    /** The picture shrunk to {@code points} (for every zoom with area averaging, so text stays smooth). */
    static Image scaled(Display display, ImageData data, Point points) {
        return new Image(display, (ImageDataProvider) requested -> Pixels.shrink(data,
                Math.max(1, points.x * requested / 100), Math.max(1, points.y * requested / 100)));
    }
}
