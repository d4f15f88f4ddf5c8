package org.confab.server.persistence.internal;

import java.sql.SQLException;
import java.time.Duration;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;

import org.confab.server.api.StorageException;
import org.confab.server.spi.Supervised;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits many small writes in one transaction (group commit). Callers block until their own work
 * is committed, so an acknowledgement still means "durably stored", but a thousand concurrent senders
 * share a handful of commits instead of each paying for one. If a batch fails (for example one resend
 * hits the unique key), every unit is retried in a transaction of its own, so one bad unit never fails
 * the others.
 *
 * <p>Two committer threads form a pipeline. Taking a batch from the queue and running its units (which
 * assigns message ids) happens under one lock, so batches are numbered, and ids handed out, in queue
 * order; the expensive part, writing the batch and committing it (H2 serialises its changed pages),
 * runs outside the lock and overlaps with the next batch. Futures complete on a third thread, strictly
 * in batch order, so what callers chain onto them (acknowledgement, push) keeps the order of the queue
 * and never delays a commit.
 */
final class GroupCommitter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitter.class);

    /** Enough to amortise a commit, small enough to keep a batch's latency low. */
    static final int MAX_BATCH = 256;
    /**
     * Writes that may wait for a commit by default. While the database stalls, senders beyond it wait
     * (their connections stop being read, as TCP would slow them) instead of piling up in memory.
     */
    static final int DEFAULT_QUEUE_CAPACITY = 4096;
    /** How long a write waits for room in a full queue before it is refused as STORAGE_UNAVAILABLE. */
    static final Duration DEFAULT_QUEUE_WAIT = Duration.ofSeconds(10);
    private static final int COMMITTERS = 2;

    private record Unit<T>(String what, Function<EntityManager, T> work, Function<EntityManager, T> alone,
            CompletableFuture<T> result) {
    }

    /** A batch whose units ran in an open transaction (or failed doing so), waiting to be committed. */
    private record Batch(long sequence, List<Unit<?>> units, Optional<EntityManager> em, List<Object> results,
            Optional<RuntimeException> failure) {
    }

    /**
     * Makes committed results durable before anybody hears of them (the message journal of the
     * embedded database), or does nothing where the commit itself is durable.
     */
    interface Durability {
        Durability COMMIT_IS_ENOUGH = results -> {
        };

        /** Called on a committer thread with the results of units whose transaction committed; throws if they are not safe. */
        void secure(List<Object> results);
    }

    private final EntityManagerFactory factory;
    private final Durability durability;
    /** Run in each batch's transaction before its units (see {@link #GroupCommitter(EntityManagerFactory, String, Durability, int, Duration, Consumer)}). */
    private final Consumer<EntityManager> beforeUnits;
    private final Transactions transactions;
    private final BlockingQueue<Unit<?>> queue;
    private final Duration queueWait;
    /** Held while a batch is taken and its units run: keeps batch numbers and message ids in queue order. */
    private final ReentrantLock gathering = new ReentrantLock();
    private long nextSequence;
    /** Completions of batches that committed before an earlier one, by batch number. */
    private final Map<Long, Runnable> waitingCompletions = new HashMap<>();
    private long nextToComplete;
    private final String name;
    private final List<Thread> committers = new ArrayList<>();
    private final ExecutorService completions;
    private volatile boolean running = true;

    GroupCommitter(EntityManagerFactory factory, String name, Durability durability) {
        this(factory, name, durability, DEFAULT_QUEUE_CAPACITY, DEFAULT_QUEUE_WAIT);
    }

    /**
     * @param queueCapacity writes that may wait for a commit; more wait for room up to {@code queueWait}
     *        and then fail with a {@link StorageException}
     */
    GroupCommitter(EntityManagerFactory factory, String name, Durability durability, int queueCapacity, Duration queueWait) {
        this(factory, name, durability, queueCapacity, queueWait, em -> {
        });
    }

    /**
     * @param beforeUnits run first in every batch's transaction, under the gathering lock, so what it
     *        decides holds for all the batch's units (message ids above those other nodes committed)
     */
    GroupCommitter(EntityManagerFactory factory, String name, Durability durability, int queueCapacity, Duration queueWait,
            Consumer<EntityManager> beforeUnits) {
        this.beforeUnits = beforeUnits;
        this.queue = new LinkedBlockingQueue<>(Math.max(1, queueCapacity));
        this.queueWait = queueWait;
        this.factory = factory;
        this.name = name;
        this.durability = durability;
        this.transactions = new Transactions(factory);
        this.completions = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().daemon().name("confab-commit-done-" + name).factory());
        for (int i = 0; i < COMMITTERS; i++) {
            committers.add(Thread.ofPlatform().daemon().name("confab-group-commit-" + name + "-" + i)
                    .start(this::commitLoop));
        }
    }

    /**
     * Runs {@code work} in a shared transaction and returns once it is committed.
     *
     * @param alone what to run instead when the shared transaction failed and the unit is retried on
     *        its own (for example with a duplicate check the batched path leaves to the unique key)
     */
    <T> T submit(String what, Function<EntityManager, T> work, Function<EntityManager, T> alone) {
        CompletableFuture<T> result = submitAsync(what, work, alone);
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted while waiting to " + what, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new StorageException("failed to " + what, e.getCause());
        }
    }

    /**
     * Queues {@code work} and returns at once, or once there is room: a full queue (a stalled
     * database) makes the caller wait, and then fail. The future completes on the completion thread, in
     * queue order, after the commit: dependent actions should be quick (queue a frame, not do I/O).
     */
    <T> CompletableFuture<T> submitAsync(String what, Function<EntityManager, T> work, Function<EntityManager, T> alone) {
        CompletableFuture<T> result = new CompletableFuture<>();
        if (!running) {
            result.completeExceptionally(new StorageException("the store is shut down", null));
            return result;
        }
        try {
            if (!queue.offer(new Unit<>(what, work, alone, result), queueWait.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("the database is not keeping up: {} writes are waiting for a commit; refusing to {}", queue.size(), what);
                result.completeExceptionally(new StorageException("the database is not keeping up; cannot " + what + " now", null));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.completeExceptionally(new StorageException("interrupted while waiting to " + what, e));
        }
        return result;
    }

    /**
     * Runs batches until closed. Whatever a batch meets (an Error too) fails that batch's callers and
     * is logged; the thread goes on, since without it every later sender would wait for ever.
     */
    private void commitLoop() {
        Supervised.loop("the " + name + " commit thread " + Thread.currentThread().getName(), () -> running || !queue.isEmpty(),
                this::commitNextBatch);
        failRemaining();
    }

    private void commitNextBatch() {
        Optional<Batch> batch = gatherAndRun();
        if (batch.isEmpty()) {
            return;
        }
        Runnable completion;
        try {
            completion = commit(batch.get());
        } catch (RuntimeException | Error e) {
            Supervised.report("the " + name + " commit thread", e);
            completion = () -> batch.get().units().forEach(unit -> unit.result().completeExceptionally(
                    new StorageException("the commit failed unexpectedly: " + e, e)));
        }
        completeInOrder(batch.get().sequence(), completion);
    }

    /** Takes the next batch and runs its units in a new transaction, under the gathering lock. */
    private Optional<Batch> gatherAndRun() {
        gathering.lock();
        try {
            Unit<?> first;
            try {
                // polled, never interrupted: an interrupt during file I/O would make H2 close its database
                first = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return Optional.empty();
            }
            if (first == null) {
                return Optional.empty();
            }
            List<Unit<?>> units = new ArrayList<>(Math.min(MAX_BATCH, queue.size() + 1));
            units.add(first);
            queue.drainTo(units, MAX_BATCH - 1);
            List<Object> results = new ArrayList<>(units.size());
            Optional<EntityManager> em = Optional.empty();
            Optional<RuntimeException> failure = Optional.empty();
            try {
                em = Optional.of(factory.createEntityManager());
                em.get().getTransaction().begin();
                beforeUnits.accept(em.get());
                for (Unit<?> unit : units) {
                    results.add(unit.work().apply(em.get()));
                }
            } catch (RuntimeException e) {
                // the database may be unreachable: the units then fail one by one, the committer lives on
                failure = Optional.of(e);
            } catch (Error e) {
                failure = Optional.of(new StorageException("unexpected " + e + " while running a batch", e));
            }
            return Optional.of(new Batch(nextSequence++, units, em, results, failure));
        } finally {
            gathering.unlock();
        }
    }

    /**
     * Commits a batch (outside the gathering lock); on failure retries its units one by one.
     *
     * @return what completes the batch's futures
     */
    private Runnable commit(Batch batch) {
        Optional<RuntimeException> failure = batch.failure();
        if (batch.em().isPresent()) {
            failure = commitOrRollBack(batch.em().get(), failure);
        }
        if (failure.isEmpty()) {
            try {
                durability.secure(batch.results());
            } catch (RuntimeException | Error e) {
                // committed but not known to be safe: nobody is told it was stored; a resend finds it
                LOG.error("batch of {} committed but could not be made durable: {}", batch.units().size(), e.toString());
                return () -> batch.units().forEach(unit -> unit.result().completeExceptionally(
                        new StorageException("could not make the change durable", e)));
            }
            return () -> {
                for (int i = 0; i < batch.units().size(); i++) {
                    complete(batch.units().get(i), batch.results().get(i));
                }
            };
        }
        if (uniqueKeyViolation(failure.get())) {
            // routine: a resend of something already stored hit the unique key; alone, each unit finds it
            LOG.debug("batch of {} hit a unique key (a resend), retrying one by one", batch.units().size());
        } else {
            LOG.warn("batch of {} failed, retrying one by one: {}", batch.units().size(), firstLine(failure.get()));
        }
        List<Runnable> outcomes = batch.units().stream().map(this::runAlone).toList();
        return () -> outcomes.forEach(Runnable::run);
    }

    /** Whether the database refused a row because a unique key holds it already (SQL state class 23). */
    static boolean uniqueKeyViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLIntegrityConstraintViolationException
                    || cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }

    /** An exception's first line: EclipseLink's messages go on with the SQL and the bound call. */
    private static String firstLine(Throwable failure) {
        return failure.toString().lines().findFirst().orElse("");
    }

    private static Optional<RuntimeException> commitOrRollBack(EntityManager em, Optional<RuntimeException> failure) {
        EntityTransaction tx = em.getTransaction();
        try {
            if (failure.isEmpty()) {
                tx.commit();
            }
            return failure;
        } catch (RuntimeException e) {
            return Optional.of(e);
        } finally {
            if (tx.isActive()) {
                try {
                    tx.rollback();
                } catch (RuntimeException ignored) {
                    // the units are retried one by one; the original failure is reported there if real
                }
            }
            em.close();
        }
    }

    /** Hands completions to the completion thread in batch order, whichever committer finished first. */
    private void completeInOrder(long sequence, Runnable completion) {
        synchronized (waitingCompletions) {
            waitingCompletions.put(sequence, completion);
            Runnable next;
            while ((next = waitingCompletions.remove(nextToComplete)) != null) {
                nextToComplete++;
                completeLater(next);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void complete(Unit<T> unit, Object result) {
        unit.result().complete((T) result);
    }

    /** Runs one unit in a transaction of its own; returns what completes its future. */
    private <T> Runnable runAlone(Unit<T> unit) {
        try {
            T result = transactions.inTransaction(unit.what(), unit.alone());
            durability.secure(Collections.singletonList(result));
            return () -> unit.result().complete(result);
        } catch (RuntimeException | Error e) {
            return () -> unit.result().completeExceptionally(e);
        }
    }

    private void completeLater(Runnable completion) {
        try {
            completions.execute(completion);
        } catch (RejectedExecutionException e) {
            completion.run(); // closing: the committer outlived its grace period
        }
    }

    private void failRemaining() {
        Unit<?> unit;
        while ((unit = queue.poll()) != null) {
            unit.result().completeExceptionally(new StorageException("the store shut down before " + unit.what(), null));
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            for (Thread committer : committers) {
                committer.join(5000);
            }
            completions.shutdown();
            completions.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
