package org.confab.server.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DatabaseMetaData;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.junit.jupiter.api.Test;

/**
 * Proves which database the run really used, so a MySQL run can never pass on a silent fallback to
 * H2 (and fails, rather than skips, when MySQL is missing: the factory never appears).
 */
class DatabaseTest {

    @Test
    void runsOnTheExpectedDatabase() throws Exception {
        String expected = System.getProperty("confab.test.expectDatabase", "H2");
        EntityManagerFactory factory = Services.await(EntityManagerFactory.class, 60_000);
        EntityManager em = factory.createEntityManager();
        try {
            em.getTransaction().begin();
            DatabaseMetaData metaData = em.unwrap(Connection.class).getMetaData();
            String product = metaData.getDatabaseProductName() + " " + metaData.getDatabaseProductVersion();
            em.getTransaction().rollback();
            assertTrue(product.matches("(?s).*(" + expected + ").*"), "expected " + expected + " but the server uses " + product);
        } finally {
            em.close();
        }
    }
}
