package org.confab.server.persistence.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;

import org.confab.server.api.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the attachment tables where EclipseLink's schema generation did not. On MySQL it decides
 * whether a table exists by looking for its columns through the driver's metadata, which may search
 * every database of the server a user can see: when another database there (a second installation)
 * already has the tables, it creates nothing here (see {@link MessageSchema}). This step asks the
 * current database by selecting from the table. Only constant SQL, valid on H2 and MySQL/MariaDB.
 */
final class AttachmentSchema {
    private static final Logger LOG = LoggerFactory.getLogger(AttachmentSchema.class);

    private static final String[][] TABLES = {
            { "CONFAB_ATTACHMENT", "CREATE TABLE CONFAB_ATTACHMENT (ID VARCHAR(64) NOT NULL, OWNER VARCHAR(32) NOT NULL,"
                    + " NAME VARCHAR(255) NOT NULL, SIZE_BYTES BIGINT NOT NULL, SHA256 VARCHAR(64) NOT NULL,"
                    + " MEDIA_TYPE VARCHAR(127) NOT NULL, CREATED BIGINT NOT NULL, LAST_ACCESS BIGINT NOT NULL,"
                    + " COMPLETE BOOLEAN NOT NULL, PRIMARY KEY (ID))",
                    "CREATE INDEX IX_ATTACHMENT_OWNER ON CONFAB_ATTACHMENT (OWNER, CREATED)",
                    "CREATE INDEX IX_ATTACHMENT_CONTENT ON CONFAB_ATTACHMENT (SHA256, SIZE_BYTES)" },
            { "CONFAB_ATTACHMENT_GRANT", "CREATE TABLE CONFAB_ATTACHMENT_GRANT (ATTACHMENT_ID VARCHAR(64) NOT NULL,"
                    + " RECIPIENT VARCHAR(32) NOT NULL, MESSAGE_ID BIGINT NOT NULL, STATE VARCHAR(16) NOT NULL,"
                    + " OFFERED BIGINT NOT NULL, CHANGED BIGINT NOT NULL, PRIMARY KEY (ATTACHMENT_ID, RECIPIENT))",
                    "CREATE INDEX IX_GRANT_RECIPIENT ON CONFAB_ATTACHMENT_GRANT (RECIPIENT, OFFERED)" } };

    private AttachmentSchema() {
    }

    static void ensure(EntityManagerFactory factory) {
        // creating the entity manager deploys the unit, which runs EclipseLink's own schema step first
        EntityManager em = factory.createEntityManager();
        try {
            for (String[] table : TABLES) {
                EntityTransaction tx = em.getTransaction();
                tx.begin();
                try {
                    Connection connection = em.unwrap(Connection.class);
                    if (!exists(connection, table[0])) {
                        try (Statement statement = connection.createStatement()) {
                            for (int i = 1; i < table.length; i++) {
                                statement.execute(table[i]);
                            }
                        }
                        LOG.info("created table {}", table[0]);
                    }
                    tx.commit();
                } finally {
                    if (tx.isActive()) {
                        tx.rollback();
                    }
                }
            }
        } catch (SQLException | RuntimeException e) {
            throw new StorageException("could not create the attachment tables: " + e.getMessage(), e);
        } finally {
            em.close();
        }
    }

    private static boolean exists(Connection connection, String table) {
        try (Statement probe = connection.createStatement();
                ResultSet none = probe.executeQuery("SELECT 1 FROM " + table + " WHERE 1 = 0")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }
}
