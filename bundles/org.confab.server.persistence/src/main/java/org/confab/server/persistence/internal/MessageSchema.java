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
 * Adds the rich-message columns where they are missing (see {@link #addRichColumns}), and moves a
 * database from the first message layout (a {@code DELIVERED} column in the message table,
 * indexed together with the recipient) to the pending table. EclipseLink's schema generation only
 * adds tables and columns; this step copies the undelivered messages into {@code CONFAB_PENDING},
 * then drops the old index and column. Every step can be repeated, so a server stopped half-way
 * finishes the move at its next start. Only constant SQL is run here.
 */
final class MessageSchema {
    private static final Logger LOG = LoggerFactory.getLogger(MessageSchema.class);

    private static final String MESSAGES = "CONFAB_MESSAGE";
    private static final String OLD_COLUMN = "DELIVERED";
    private static final String OLD_INDEX = "IX_MESSAGE_PENDING";
    private static final String RECIPIENT_INDEX = "IX_MESSAGE_RECIPIENT";
    private static final String COPY_UNDELIVERED = "INSERT INTO CONFAB_PENDING"
            + " (RECIPIENT, MESSAGE_ID, SENDER, SENT_AT, CLIENT_MESSAGE_ID)"
            + " SELECT m.RECIPIENT, m.ID, m.SENDER, m.SENT_AT, m.CLIENT_MESSAGE_ID FROM CONFAB_MESSAGE m"
            + " WHERE m.DELIVERED = FALSE AND NOT EXISTS"
            + " (SELECT 1 FROM CONFAB_PENDING p WHERE p.RECIPIENT = m.RECIPIENT AND p.MESSAGE_ID = m.ID)";

    private MessageSchema() {
    }

    /** Upgrades the message tables if they still have the old layout; does nothing otherwise. */
    static void upgrade(EntityManagerFactory factory) {
        // creating the entity manager deploys the unit, which creates CONFAB_PENDING if it is missing
        EntityManager em = factory.createEntityManager();
        try {
            Boolean oldLayout = inTransaction(em, connection -> {
                if (!selectable(connection, OLD_COLUMN)) {
                    return false;
                }
                try (Statement statement = connection.createStatement()) {
                    int copied = statement.executeUpdate(COPY_UNDELIVERED);
                    LOG.info("message tables upgraded: {} undelivered messages moved to CONFAB_PENDING", copied);
                }
                return true;
            });
            addRichColumns(em);
            addRecipientIndex(em);
            if (oldLayout) {
                // only after the copy committed; DDL commits by itself on MySQL, and EclipseLink hands
                // out a connection per transaction, so this is a transaction of its own
                inTransaction(em, connection -> {
                    try (Statement statement = connection.createStatement()) {
                        if (hasIndex(connection, MESSAGES, OLD_INDEX)) {
                            statement.execute(isH2(connection) ? "DROP INDEX " + OLD_INDEX
                                    : "ALTER TABLE " + MESSAGES + " DROP INDEX " + OLD_INDEX);
                        }
                        statement.execute("ALTER TABLE " + MESSAGES + " DROP COLUMN " + OLD_COLUMN);
                    }
                    return true;
                });
            }
        } catch (SQLException | RuntimeException e) {
            throw new StorageException("could not upgrade the message tables: " + e.getMessage(), e);
        } finally {
            em.close();
        }
    }

    /**
     * Adds the index on (recipient, id) that a search over all of a user's conversations reads its
     * received messages by, to a table made before it existed (EclipseLink adds indexes only to tables
     * it creates). On a large table this takes a while, once.
     */
    private static void addRecipientIndex(EntityManager em) throws SQLException {
        inTransaction(em, connection -> {
            if (!hasIndex(connection, MESSAGES, RECIPIENT_INDEX)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE INDEX " + RECIPIENT_INDEX + " ON " + MESSAGES + " (RECIPIENT, ID)");
                }
                LOG.info("message table upgraded for search: index {} added", RECIPIENT_INDEX);
            }
            return true;
        });
    }

    /**
     * Adds the columns of rich messages (protocol version 2) where they are missing, as nullable
     * columns, so every old row reads as a plain text message. EclipseLink's create-or-extend-tables
     * should have added them, but on MySQL it looks for a table's columns in every database of the
     * server: when another database there already has them (a second installation, the benchmark's
     * database), it adds nothing. This step looks in the current database only.
     */
    private static void addRichColumns(EntityManager em) throws SQLException {
        inTransaction(em, connection -> {
            String lob = isH2(connection) ? "CLOB" : "LONGTEXT";
            String[][] columns = { { "KIND", "VARCHAR(64)" }, { "META", lob }, { "ATTACHMENTS", lob } };
            try (Statement statement = connection.createStatement()) {
                for (String[] column : columns) {
                    if (!selectable(connection, column[0])) {
                        statement.execute("ALTER TABLE " + MESSAGES + " ADD COLUMN " + column[0] + " " + column[1]);
                        LOG.info("message table upgraded for rich messages: column {} added", column[0]);
                    }
                }
            }
            return true;
        });
    }

    /**
     * Whether the message table of the current database has the column. Asked by selecting it, not
     * through the metadata: MySQL's driver may search every database of the server there.
     */
    private static boolean selectable(Connection connection, String column) {
        try (Statement probe = connection.createStatement();
                ResultSet none = probe.executeQuery("SELECT " + column + " FROM " + MESSAGES + " WHERE 1 = 0")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private interface Step<T> {
        T run(Connection connection) throws SQLException;
    }

    private static <T> T inTransaction(EntityManager em, Step<T> step) throws SQLException {
        EntityTransaction tx = em.getTransaction();
        tx.begin();
        try {
            T result = step.run(em.unwrap(Connection.class));
            tx.commit();
            return result;
        } finally {
            if (tx.isActive()) {
                tx.rollback();
            }
        }
    }

    private static boolean isH2(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductName().toUpperCase().contains("H2");
    }

    private static boolean hasIndex(Connection connection, String table, String index) throws SQLException {
        try (ResultSet indexes = connection.getMetaData().getIndexInfo(connection.getCatalog(), null, table, false, true)) {
            while (indexes.next()) {
                if (index.equalsIgnoreCase(indexes.getString("INDEX_NAME"))) {
                    return true;
                }
            }
            return false;
        }
    }
}
