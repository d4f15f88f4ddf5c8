package org.confab.server.persistence.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;
import javax.persistence.PersistenceException;

import org.confab.server.api.StorageException;

/** Runs work in one resource-local transaction and turns database failures into {@link StorageException}. */
final class Transactions {
    private final EntityManagerFactory factory;
    /** Null until the first durable write asked; then whether commits need forcing to disk (embedded H2). */
    private volatile Boolean embedded;

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

    /**
     * {@link #inTransaction} for writes somebody is told about (an account created, a ban): on the
     * embedded database the commit is forced to disk before this returns, as H2 otherwise writes it
     * within half a second (message writes have their own journal instead).
     */
    <T> T inDurableTransaction(String what, Function<EntityManager, T> work) {
        T result = inTransaction(what, work);
        if (Boolean.FALSE.equals(embedded)) {
            return result; // MySQL: the commit was durable, no second transaction
        }
        inTransaction("write " + what + " to disk", em -> {
            try {
                Connection connection = em.unwrap(Connection.class);
                if (embedded == null) {
                    embedded = EmbeddedDatabase.file(connection).isPresent();
                }
                if (embedded) {
                    EmbeddedDatabase.forceToDisk(connection);
                }
                return null;
            } catch (SQLException e) {
                throw new PersistenceException(e.getMessage(), e);
            }
        });
        return result;
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
