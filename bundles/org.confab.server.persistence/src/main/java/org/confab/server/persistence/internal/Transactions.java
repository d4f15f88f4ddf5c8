package org.confab.server.persistence.internal;

import java.util.function.Function;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;
import javax.persistence.PersistenceException;

import org.confab.server.api.StorageException;

/** Runs work in one resource-local transaction and turns database failures into {@link StorageException}. */
final class Transactions {
    private final EntityManagerFactory factory;

    Transactions(EntityManagerFactory factory) {
        this.factory = factory;
    }

    <T> T inTransaction(String what, Function<EntityManager, T> work) {
        EntityManager em = factory.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            T result = work.apply(em);
            tx.commit();
            return result;
        } catch (PersistenceException | IllegalStateException e) {
            throw new StorageException("database failure while trying to " + what + ": " + rootMessage(e), e);
        } finally {
            if (tx.isActive()) {
                rollbackQuietly(tx);
            }
            em.close();
        }
    }

    private static void rollbackQuietly(EntityTransaction tx) {
        try {
            tx.rollback();
        } catch (RuntimeException ignored) {
            // the original failure is what matters; the connection is discarded by the pool anyway
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }
}
