package org.confab.screenshot.ui.internal;

import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;

/**
 * Pixel work on {@link ImageData} that needs no display: cutting a region out, pixelating a region
 * (the blur tool: averages blocks so text under it cannot be read back) and comparing pixels. Results are
 * always 24-bit direct-colour images, whatever the screen's format was.
 */
final class Pixels {
    /** Edge length of the pixelation blocks, in image pixels. */
    static final int BLOCK = 10;

    private Pixels() {
    }

    /** A copy of {@code area} of the image (clipped to the image), as a 24-bit RGB image. */
    static ImageData crop(ImageData source, Rectangle area) {
        Rectangle clipped = area.intersection(new Rectangle(0, 0, source.width, source.height));
        ImageData result = blank(Math.max(1, clipped.width), Math.max(1, clipped.height));
        for (int y = 0; y < clipped.height; y++) {
            for (int x = 0; x < clipped.width; x++) {
                result.setPixel(x, y, rgb(source, clipped.x + x, clipped.y + y));
            }
        }
        return result;
    }

    /** A 24-bit RGB copy of the whole image. */
    static ImageData copy(ImageData source) {
        return crop(source, new Rectangle(0, 0, source.width, source.height));
    }

    /**
     * Replaces every block of {@code area} by its average colour. A last row or column of blocks
     * narrower than half a block joins the one before it, so no sliver of single pixels stays readable.
     */
    static void pixelate(ImageData image, Rectangle area, int block) {
        Rectangle clipped = area.intersection(new Rectangle(0, 0, image.width, image.height));
        for (int[] ys : spans(clipped.y, clipped.height, block)) {
            for (int[] xs : spans(clipped.x, clipped.width, block)) {
                average(image, xs[0], ys[0], xs[1], ys[1]);
            }
        }
    }

    /**
     * The image shrunk to {@code width} by {@code height} by averaging the source pixels each target pixel
     * covers (enlarging falls back to the nearest pixel).
     */
    static ImageData shrink(ImageData source, int width, int height) {
        if (width >= source.width || height >= source.height) {
            return copy(source).scaledTo(width, height);
        }
        ImageData result = blank(width, height);
        for (int y = 0; y < height; y++) {
            int y0 = y * source.height / height;
            int y1 = Math.max(y0 + 1, (y + 1) * source.height / height);
            for (int x = 0; x < width; x++) {
                int x0 = x * source.width / width;
                int x1 = Math.max(x0 + 1, (x + 1) * source.width / width);
                result.setPixel(x, y, mean(source, x0, y0, x1, y1));
            }
        }
        return result;
    }

    /** The colour at a pixel, as 0xRRGGBB. */
    static int rgb(ImageData image, int x, int y) {
        RGB rgb = image.palette.getRGB(image.getPixel(x, y));
        return rgb.red << 16 | rgb.green << 8 | rgb.blue;
    }

    /** An empty 24-bit image (black). */
    static ImageData blank(int width, int height) {
        return new ImageData(width, height, 24, new PaletteData(0xFF0000, 0xFF00, 0xFF));
    }

    /** Starts and ends (exclusive) of the blocks along one axis. */
    private static int[][] spans(int start, int length, int block) {
        if (length <= 0) {
            return new int[0][];
        }
        int count = Math.max(1, length / block + (length % block >= block / 2 ? 1 : 0));
        int[][] spans = new int[count][];
        for (int i = 0; i < count; i++) {
            int from = start + i * block;
            int to = i == count - 1 ? start + length : from + block;
            spans[i] = new int[] { from, to };
        }
        return spans;
    }

    private static void average(ImageData image, int x0, int y0, int x1, int y1) {
        int pixel = image.palette.getPixel(rgbOf(mean(image, x0, y0, x1, y1)));
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                image.setPixel(x, y, pixel);
            }
        }
    }

    /** The mean colour (0xRRGGBB) of a block. */
    private static int mean(ImageData image, int x0, int y0, int x1, int y1) {
        long red = 0;
        long green = 0;
        long blue = 0;
        int count = (x1 - x0) * (y1 - y0);
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int rgb = rgb(image, x, y);
                red += rgb >> 16 & 0xFF;
                green += rgb >> 8 & 0xFF;
                blue += rgb & 0xFF;
            }
        }
        return (int) (red / count) << 16 | (int) (green / count) << 8 | (int) (blue / count);
    }

    private static RGB rgbOf(int rgb) {
        return new RGB(rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF);
    }
}
