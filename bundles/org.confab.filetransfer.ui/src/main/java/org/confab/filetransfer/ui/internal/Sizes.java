package org.confab.filetransfer.ui.internal;

import java.util.Locale;

/** Byte counts, rates and durations as people read them: "1.5 MB", "2.3 MB/s", "1 min 5 s". */
final class Sizes {
    private static final String[] UNITS = { "bytes", "KB", "MB", "GB", "TB" };

    private Sizes() {
    }

    /** Decimal units (1 KB = 1000 bytes), as file managers show sizes. */
    static String bytes(long count) {
        if (count < 1000) {
            return count == 1 ? "1 byte" : count + " bytes";
        }
        double value = count;
        int unit = 0;
        while (value >= 999.95 && unit < UNITS.length - 1) {
            value /= 1000;
            unit++;
        }
        return String.format(Locale.ROOT, value < 10 ? "%.1f %s" : "%.0f %s", value, UNITS[unit]);
    }

    static String rate(double bytesPerSecond) {
        return bytes(Math.round(bytesPerSecond)).replace("bytes", "B").replace("1 byte", "1 B") + "/s";
    }

    static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }
}
