package org.confab.screenshot.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.junit.jupiter.api.Test;

/** Cutting, pixelating, the size limit and thumbnail sizes, on images in memory (no display). */
class PixelsTest {
    private static final int RED = 0xE01010;
    private static final int BLUE = 0x1030D0;

    @Test
    void aCropHoldsExactlyThePixelsOfTheRegion() {
        ImageData checker = checkerboard(60, 40, 3);
        ImageData cut = Pixels.crop(checker, new Rectangle(7, 5, 20, 10));
        assertEquals(20, cut.width);
        assertEquals(10, cut.height);
        for (int y = 0; y < 10; y++) {
            for (int x = 0; x < 20; x++) {
                assertEquals(Pixels.rgb(checker, 7 + x, 5 + y), Pixels.rgb(cut, x, y), "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void pixelatingChangesEveryPixelInsideAndNoneOutside() {
        ImageData original = checkerboard(100, 80, 3);
        ImageData blurred = Pixels.copy(original);
        Rectangle area = new Rectangle(20, 10, 43, 37);
        Pixels.pixelate(blurred, area, Pixels.BLOCK);
        for (int y = 0; y < 80; y++) {
            for (int x = 0; x < 100; x++) {
                if (area.contains(x, y)) {
                    assertNotEquals(Pixels.rgb(original, x, y), Pixels.rgb(blurred, x, y), "covered pixel " + x + "," + y);
                } else {
                    assertEquals(Pixels.rgb(original, x, y), Pixels.rgb(blurred, x, y), "pixel outside " + x + "," + y);
                }
            }
        }
        assertEquals(Pixels.rgb(blurred, 20, 10), Pixels.rgb(blurred, 29, 19), "one block, one colour");
    }

    @Test
    void aScreenshotAboveTheLimitIsScaledDownUntilItFitsOrRefusedWithTheReason() throws Exception {
        ImageData noise = noise(500, 400);
        long limit = 120 * 1024;
        assertTrue(ImageOutput.png(noise).length > limit);

        SizeLimit.Fitted fitted = new SizeLimit(limit, true).fit(noise);
        assertTrue(fitted.png().length <= limit, fitted.png().length + " bytes");
        assertTrue(fitted.scaled() && fitted.width() < 500 && fitted.height() < 400);
        assertEquals(500.0 / 400, (double) fitted.width() / fitted.height(), 0.02, "the aspect stays");

        SizeLimit.TooLarge refused = assertThrows(SizeLimit.TooLarge.class, () -> new SizeLimit(limit, false).fit(noise));
        assertTrue(refused.getMessage().startsWith("The screenshot is 0.") && refused.getMessage().contains("limit of 0.1 MB"),
                refused.getMessage());

        SizeLimit.Fitted small = new SizeLimit(limit, false).fit(checkerboard(50, 50, 5));
        assertTrue(!small.scaled() && small.width() == 50);
    }

    @Test
    void shrinkingAveragesThePixelsEachTargetPixelCovers() {
        ImageData shrunk = Pixels.shrink(checkerboard(40, 20, 1), 20, 10);
        int mean = ((RED >> 16) + (BLUE >> 16)) / 2 << 16 | ((RED >> 8 & 0xFF) + (BLUE >> 8 & 0xFF)) / 2 << 8
                | ((RED & 0xFF) + (BLUE & 0xFF)) / 2;
        for (int y = 0; y < 10; y++) {
            for (int x = 0; x < 20; x++) {
                assertEquals(mean, Pixels.rgb(shrunk, x, y), "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void thumbnailsKeepTheAspectAndNeverEnlarge() {
        assertEquals(new Point(360, 203), ImageThumbnail.fit(1920, 1080));
        assertEquals(new Point(120, 240), ImageThumbnail.fit(500, 1000));
        assertEquals(new Point(80, 60), ImageThumbnail.fit(80, 60));
    }

    static ImageData checkerboard(int width, int height, int cell) {
        ImageData image = Pixels.blank(width, height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setPixel(x, y, (x / cell + y / cell) % 2 == 0 ? RED : BLUE);
            }
        }
        return image;
    }

    private static ImageData noise(int width, int height) {
        Random random = new Random(7);
        ImageData image = Pixels.blank(width, height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setPixel(x, y, random.nextInt(0x1000000));
            }
        }
        return image;
    }
}
