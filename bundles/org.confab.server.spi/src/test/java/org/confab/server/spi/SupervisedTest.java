package org.confab.server.spi;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class SupervisedTest {

    @Test
    void aPeriodicTaskThatMeetsAnErrorKeepsItsSchedule() throws Exception {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            CountDownLatch runs = new CountDownLatch(3);
            timer.scheduleWithFixedDelay(Supervised.periodic("a test task", () -> {
                runs.countDown();
                throw new StackOverflowError("injected by the test");
            }), 0, 10, TimeUnit.MILLISECONDS);
            assertTrue(runs.await(10, TimeUnit.SECONDS), "without supervision the executor runs it once, never again");
        } finally {
            timer.shutdownNow();
        }
    }

    @Test
    void aLoopGoesOnAfterAnErrorAndEndsWhenToldTo() {
        AtomicInteger steps = new AtomicInteger();
        Supervised.loop("a test loop", () -> steps.get() < 3, () -> {
            if (steps.incrementAndGet() == 1) {
                throw new OutOfMemoryError("injected by the test");
            }
        });
        assertTrue(steps.get() == 3);
    }
}
