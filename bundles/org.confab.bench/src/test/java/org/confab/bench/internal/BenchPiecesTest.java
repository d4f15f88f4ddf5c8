package org.confab.bench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class BenchPiecesTest {

    @Test
    void percentilesAreNearestRank() {
        Latencies latencies = new Latencies();
        for (int ms = 1; ms <= 100; ms++) {
            latencies.add(ms * 1_000_000L);
        }
        assertEquals(50.0, latencies.percentile(50));
        assertEquals(99.0, latencies.percentile(99));
        assertEquals(100.0, latencies.max());
        assertEquals(0.0, new Latencies().percentile(99));
    }

    @Test
    void loadPatternKeepsTheRateAndNeverSendsToSelf() {
        AtomicInteger count = new AtomicInteger();
        new LoadPattern(3, 500, 1).run((from, to) -> {
            assertTrue(!from.equals(to), "no message to self");
            count.incrementAndGet();
        });
        assertTrue(count.get() >= 450 && count.get() <= 500, "sent " + count.get() + " at 500/s for 1 s");
    }

    @Test
    void optionsAreTypedAndValidated() {
        Options options = new Options(List.of("--users", "12", "--server", "10.1.2.3:7000", "--json"));
        assertEquals(12, options.number("users", 1));
        assertEquals("10.1.2.3", options.host());
        assertEquals(7000, options.port());
        assertTrue(options.flag("json"));
        assertThrows(IllegalArgumentException.class, () -> new Options(List.of("--users", "many")).number("users", 1));
        assertThrows(IllegalArgumentException.class, () -> new Options(List.of("stray")));
    }

    @Test
    void unknownScenarioIsAUsageError() {
        var out = new java.io.ByteArrayOutputStream();
        assertEquals(2, ConfabBench.run(List.of("teleport"), new java.io.PrintStream(out), new java.io.PrintStream(out)));
    }
}
