package org.confab.screenshot.ui.internal;

import java.util.Locale;

import org.eclipse.swt.graphics.ImageData;

/**
 * Keeps screenshots under the size limit of the preferences: a PNG above it is scaled down until it
 * fits, or refused with a message that says how large it is and what to do.
 */
final class SizeLimit {
    private static final int ATTEMPTS = 8;

    /** A picture that cannot be sent as it is. */
    static final class TooLarge extends Exception {
        private static final long serialVersionUID = 1L;

        TooLarge(String message) {
            super(message);
        }
    }

    /** The PNG to send and the size of the picture in it. */
    record Fitted(byte[] png, int width, int height, boolean scaled) {
    }

    private final long limitBytes;
    private final boolean scaleDown;

    SizeLimit(long limitBytes, boolean scaleDown) {
        this.limitBytes = limitBytes;
        this.scaleDown = scaleDown;
    }

    Fitted fit(ImageData picture) throws TooLarge {
        byte[] png = ImageOutput.png(picture);
        if (png.length <= limitBytes) {
            return new Fitted(png, picture.width, picture.height, false);
        }
        if (!scaleDown) {
            throw new TooLarge("The screenshot is " + megabytes(png.length) + " as PNG, more than the limit of "
                    + megabytes(limitBytes) + " (Preferences > Confab > Screenshots). Select a smaller region, or let "
                    + "Confab scale large screenshots down.");
        }
        ImageData scaled = picture;
        for (int attempt = 0; attempt < ATTEMPTS && png.length > limitBytes; attempt++) {
            double factor = Math.min(0.9, Math.sqrt((double) limitBytes / png.length) * 0.95);
            scaled = picture.scaledTo(Math.max(1, (int) (scaled.width * factor)), Math.max(1, (int) (scaled.height * factor)));
            png = ImageOutput.png(scaled);
        }
        if (png.length > limitBytes) {
            throw new TooLarge("The screenshot does not fit in " + megabytes(limitBytes) + " even scaled down.");
        }
        return new Fitted(png, scaled.width, scaled.height, true);
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
