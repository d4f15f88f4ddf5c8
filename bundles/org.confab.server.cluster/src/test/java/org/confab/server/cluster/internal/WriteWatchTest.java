package org.confab.server.cluster.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** When a node connected to NATS must isolate because JetStream takes none of its writes. */
class WriteWatchTest {

    @Test
    void failedWritesIsolateOnlyAfterTheDeadTime() {
        WriteWatch watch = new WriteWatch(5000, 0);
        assertFalse(watch.mustIsolate(false, 1000));
        assertFalse(watch.mustIsolate(false, 4999));
        assertTrue(watch.mustIsolate(false, 5000));
    }

    @Test
    void oneSuccessfulWriteStartsTheDeadTimeAgain() {
        WriteWatch watch = new WriteWatch(5000, 0);
        assertFalse(watch.mustIsolate(false, 4000));
        assertFalse(watch.mustIsolate(true, 4500));
        assertFalse(watch.mustIsolate(false, 9000));
        assertTrue(watch.mustIsolate(false, 9500));
    }

    @Test
    void isolationIsReportedOnceUntilTheNodeJoinsAgain() {
        WriteWatch watch = new WriteWatch(5000, 0);
        assertTrue(watch.mustIsolate(false, 6000));
        assertFalse(watch.mustIsolate(false, 7000), "isolated already");
        assertFalse(watch.mustIsolate(true, 8000), "writes work again: the node rejoins, it does not isolate");
        watch.joined(8000);
        assertFalse(watch.mustIsolate(false, 12000));
        assertTrue(watch.mustIsolate(false, 13000), "after rejoining, a new loss isolates again");
    }
}
