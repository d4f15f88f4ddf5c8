package org.confab.cli.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

/** Turns option values into numbers, or into usage errors a person understands. */
final class OptionValues {
    private OptionValues() {
    }

    /** A decimal number of seconds such as {@code 5} or {@code 0.5}. */
    static Duration seconds(String option, String text, boolean zeroAllowed) {
        try {
            BigDecimal seconds = new BigDecimal(text);
            if (seconds.signum() > 0 || (zeroAllowed && seconds.signum() == 0)) {
                return Duration.ofMillis(seconds.movePointRight(3).setScale(0, RoundingMode.UP).longValueExact());
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // reported below
        }
        throw new UsageException(option + " expects a number of seconds" + (zeroAllowed ? "" : " above 0")
                + ", got '" + text + "'");
    }

    static long inRange(String option, String text, long min, long max) {
        try {
            long value = Long.parseLong(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(option + " expects a whole number from " + min + " to " + max + ", got '"
                + text + "'");
    }

    /** Text of at most {@code maxLength} characters (UTF-16 code units, as the protocol counts). */
    static String text(String option, String text, int maxLength) {
        if (text.length() > maxLength) {
            throw new UsageException(option + " may be at most " + maxLength + " characters long, got "
                    + text.length());
        }
        return text;
    }
}
