package org.confab.server.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;

import org.confab.server.api.StorageException;
import org.junit.jupiter.api.Test;

/**
 * The commit threads outlive an Error in a unit of work: its caller is told the write failed, and
 * the writes after it are still committed (before, the committer thread ended and every later sender
 * waited for ever).
 */
class GroupCommitterFailureTest {

    @Test
    void anErrorInOneUnitFailsItsCallerAndTheCommitterGoesOn() {
        try (GroupCommitter committer = new GroupCommitter(factory(), "test", GroupCommitter.Durability.COMMIT_IS_ENOUGH)) {
            StorageException failure = assertThrows(StorageException.class, () -> committer.submit("fail",
                    em -> { throw new StackOverflowError("injected by the test"); },
                    em -> { throw new StackOverflowError("injected by the test, alone"); }));
            assertEquals(StackOverflowError.class, rootCause(failure).getClass(), failure.toString());
            for (int i = 0; i < 5; i++) {
                int value = i;
                assertEquals(value, committer.submit("write " + i, em -> value, em -> value));
            }
        }
    }

    @Test
    void anErrorWhileMakingABatchDurableFailsThatBatchOnly() {
        int[] calls = { 0 };
        GroupCommitter.Durability failsOnce = results -> {
            if (calls[0]++ == 0) {
                throw new OutOfMemoryError("injected by the test");
            }
        };
        try (GroupCommitter committer = new GroupCommitter(factory(), "test", failsOnce)) {
            assertThrows(StorageException.class, () -> committer.submit("first", em -> 1, em -> 1));
            assertEquals(2, committer.submit("second", em -> 2, em -> 2));
        }
    }

    /**
     * While the database stalls, writes beyond the queue's capacity wait for room and are then refused
     * (STORAGE_UNAVAILABLE to the sender), so a stall cannot pile up writes without bound; once the
     * database answers again, everything queued commits.
     */
    @Test
    void aStalledDatabaseBoundsTheQueueAndRefusesWhatDoesNotFit() throws Exception {
        CountDownLatch stalled = new CountDownLatch(1);
        CountDownLatch databaseBack = new CountDownLatch(1);
        try (GroupCommitter committer = new GroupCommitter(factory(), "test", GroupCommitter.Durability.COMMIT_IS_ENOUGH, 4,
                Duration.ofMillis(300))) {
            CompletableFuture<Integer> first = committer.submitAsync("the write the database hangs on", em -> {
                stalled.countDown();
                await(databaseBack);
                return 0;
            }, em -> 0);
            assertTrue(stalled.await(10, TimeUnit.SECONDS));
            List<CompletableFuture<Integer>> queued = new ArrayList<>();
            for (int i = 1; i <= 4; i++) {
                int value = i;
                queued.add(committer.submitAsync("queued " + i, em -> value, em -> value));
            }
            CompletableFuture<Integer> refused = committer.submitAsync("one too many", em -> 5, em -> 5);
            ExecutionException failure = assertThrows(ExecutionException.class, () -> refused.get(10, TimeUnit.SECONDS));
            assertTrue(failure.getCause() instanceof StorageException, failure.toString());
            databaseBack.countDown();
            assertEquals(0, first.get(10, TimeUnit.SECONDS));
            for (int i = 0; i < 4; i++) {
                assertEquals(i + 1, queued.get(i).get(10, TimeUnit.SECONDS));
            }
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** An EntityManagerFactory whose transactions do nothing: the test is about the committer's threads. */
    private static EntityManagerFactory factory() {
        return proxy(EntityManagerFactory.class, (method, args) -> "createEntityManager".equals(method) ? entityManager() : null);
    }

    private static EntityManager entityManager() {
        boolean[] active = { false };
        EntityTransaction tx = proxy(EntityTransaction.class, (method, args) -> switch (method) {
            case "begin" -> {
                active[0] = true;
                yield null;
            }
            case "commit", "rollback" -> {
                active[0] = false;
                yield null;
            }
            case "isActive" -> active[0];
            default -> null;
        });
        return proxy(EntityManager.class, (method, args) -> switch (method) {
            case "getTransaction" -> tx;
            case "isOpen" -> true;
            default -> null;
        });
    }

    private interface Answer {
        Object answer(String method, Object[] args);
    }

    private static <T> T proxy(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(GroupCommitterFailureTest.class.getClassLoader(), new Class<?>[] { type },
                (self, method, args) -> switch (method.getName()) {
                    case "hashCode" -> System.identityHashCode(self);
                    case "equals" -> self == args[0];
                    case "toString" -> type.getSimpleName() + " of the test";
                    default -> answer.answer(method.getName(), args);
                }));
    }
}
