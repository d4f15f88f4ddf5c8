package org.confab.server.persistence.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;
import javax.persistence.PersistenceException;

import org.confab.server.api.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits many small writes in one transaction (group commit). Callers block until their own work
 * is committed, so an acknowledgement still means "durably stored", but a thousand concurrent senders
 * share a handful of commits instead of each paying for one. While one batch commits, the next one
 * gathers. If a batch fails (for example one resend hits the unique key), every unit is retried in
 * a transaction of its own, so one bad unit never fails the others.
 *
 * <p>Futures complete on a second thread, in commit order: what callers chain onto them (encoding and
 * queueing the acknowledgement and the push) then overlaps with the next commit instead of delaying it.
 */
final class GroupCommitter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitter.class);

    /** Enough to amortise a commit, small enough to keep a batch's latency low. */
    static final int MAX_BATCH = 256;

    private record Unit<T>(String what, Function<EntityManager, T> work, Function<EntityManager, T> alone,
            CompletableFuture<T> result) {
    }

    private final EntityManagerFactory factory;
    private final Transactions transactions;
    private final BlockingQueue<Unit<?>> queue = new LinkedBlockingQueue<>();
    private final Thread committer;
    private final ExecutorService completions;
    private volatile boolean running = true;

    GroupCommitter(EntityManagerFactory factory, String name) {
        this.factory = factory;
        this.transactions = new Transactions(factory);
        this.completions = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().daemon().name("confab-commit-done-" + name).factory());
        this.committer = Thread.ofPlatform().daemon().name("confab-group-commit-" + name).start(this::commitLoop);
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
     * Queues {@code work} and returns at once. The future completes on the completion thread, in
     * queue order, after the commit: dependent actions should be quick (queue a frame, not do I/O).
     */
    <T> CompletableFuture<T> submitAsync(String what, Function<EntityManager, T> work, Function<EntityManager, T> alone) {
        CompletableFuture<T> result = new CompletableFuture<>();
        if (!running) {
            result.completeExceptionally(new StorageException("the store is shut down", null));
            return result;
        }
        queue.add(new Unit<>(what, work, alone, result));
        return result;
    }

    private void commitLoop() {
        List<Unit<?>> batch = new ArrayList<>(MAX_BATCH);
        while (running || !queue.isEmpty()) {
            Unit<?> first;
            try {
                // polled, never interrupted: an interrupt during file I/O would make H2 close its database
                first = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                continue;
            }
            if (first == null) {
                continue;
            }
            batch.add(first);
            queue.drainTo(batch, MAX_BATCH - 1);
            commit(batch);
            batch.clear();
        }
        failRemaining();
    }

    private void commit(List<Unit<?>> batch) {
        if (batch.size() > 1 && commitTogether(batch)) {
            return;
        }
        for (Unit<?> unit : batch) {
            runAlone(unit);
        }
    }

    /** All units in one transaction; completes them and returns true only when the commit succeeded. */
    private boolean commitTogether(List<Unit<?>> batch) {
        EntityManager em = factory.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        List<Object> results = new ArrayList<>(batch.size());
        try {
            tx.begin();
            for (Unit<?> unit : batch) {
                results.add(unit.work().apply(em));
            }
            tx.commit();
        } catch (PersistenceException | IllegalStateException e) {
            // expected now and then (a resend hitting the unique key); frequent ones mean a bug
            LOG.warn("batch of {} failed, retrying one by one: {}", batch.size(), e.toString());
            return false;
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
        List<Unit<?>> committed = List.copyOf(batch);
        completeLater(() -> {
            for (int i = 0; i < committed.size(); i++) {
                complete(committed.get(i), results.get(i));
            }
        });
        return true;
    }

    @SuppressWarnings("unchecked")
    private static <T> void complete(Unit<T> unit, Object result) {
        unit.result().complete((T) result);
    }

    private <T> void runAlone(Unit<T> unit) {
        try {
            T result = transactions.inTransaction(unit.what(), unit.alone());
            completeLater(() -> unit.result().complete(result));
        } catch (RuntimeException e) {
            completeLater(() -> unit.result().completeExceptionally(e));
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
            committer.join(5000);
            completions.shutdown();
            completions.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
