package org.confab.server.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class TokenBucketTest {
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void allowsABurstThenTheSustainedRate() {
        TokenBucket bucket = new TokenBucket(5, 2, 0);
        for (int i = 0; i < 5; i++) {
            assertEquals(0, bucket.tryTake(0), "burst request " + i);
        }
        long wait = bucket.tryTake(0);
        assertTrue(wait > 0 && wait <= SECOND / 2, "half a second until the next token at 2/s, was " + wait);
        assertEquals(0, bucket.tryTake(SECOND / 2));
        assertTrue(bucket.tryTake(SECOND / 2) > 0);
    }

    @Test
    void neverHoldsMoreThanItsCapacity() {
        TokenBucket bucket = new TokenBucket(3, 10, 0);
        long later = 3600 * SECOND;
        for (int i = 0; i < 3; i++) {
            assertEquals(0, bucket.tryTake(later));
        }
        assertTrue(bucket.tryTake(later) > 0, "an idle hour does not save up more than the burst");
    }
}
