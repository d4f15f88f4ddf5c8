package org.confab.client.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class BackoffTest {
    private static final Duration MIN = Duration.ofMillis(100);
    private static final Duration MAX = Duration.ofSeconds(5);

    @Test
    void delaysDoubleFromTheMinimumUpToTheMaximum() {
        // 1.0 is just past the supplier's range: the top of the jitter, i.e. the nominal delay
        Backoff noJitter = new Backoff(MIN, MAX, () -> 1.0);

        assertEquals(100, noJitter.delay(0).toMillis());
        assertEquals(200, noJitter.delay(1).toMillis());
        assertEquals(3200, noJitter.delay(5).toMillis());
        assertEquals(5000, noJitter.delay(6).toMillis());
        assertEquals(5000, noJitter.delay(1000).toMillis(), "no overflow for many attempts");
    }

    @Test
    void jitterKeepsEachDelayBetweenHalfAndAllOfItsNominalValue() {
        Backoff lowest = new Backoff(MIN, MAX, () -> 0.0);
        Backoff middle = new Backoff(MIN, MAX, () -> 0.5);

        assertEquals(50, lowest.delay(0).toMillis());
        assertEquals(2500, lowest.delay(20).toMillis());
        assertEquals(150, middle.delay(1).toMillis());
    }
}
