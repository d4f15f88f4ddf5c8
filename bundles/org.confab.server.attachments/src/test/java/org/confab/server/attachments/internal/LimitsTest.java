package org.confab.server.attachments.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The configuration is checked when it is applied, with messages that name the key. */
class LimitsTest {

    private static Limits limits(int chunkBytes, String retention) {
        return new Limits(1, 1, 0, chunkBytes, Duration.parse(retention), Duration.ofDays(1), 1);
    }

    @Test
    void chunksMustFitAFrame() {
        assertEquals(Limits.MAX_CHUNK, limits(Limits.MAX_CHUNK, "P1D").chunkBytes());
        IllegalArgumentException tooBig = assertThrows(IllegalArgumentException.class, () -> limits(Limits.MAX_CHUNK + 1, "P1D"));
        assertTrue(tooBig.getMessage().startsWith("chunkBytes"), tooBig.getMessage());
        assertThrows(IllegalArgumentException.class, () -> limits(Limits.MIN_CHUNK - 1, "P1D"));
    }

    @Test
    void negativeOrZeroLimitsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Limits(0, 1, 0, Limits.MIN_CHUNK, Duration.ofDays(1), Duration.ofDays(1), 1));
        assertThrows(IllegalArgumentException.class, () -> new Limits(1, 1, -1, Limits.MIN_CHUNK, Duration.ofDays(1), Duration.ofDays(1), 1));
    }
}
