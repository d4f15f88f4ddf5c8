package org.confab.server.persistence.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalLong;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.PersistenceException;

import org.confab.server.spi.AccountDeletionListener;
import org.confab.server.spi.ReadMarkStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ReadMarkStore} in the table {@code CONFAB_READ_MARK}, one row per (reader, sender), written
 * with plain SQL on the unit's connection: a mark is one number that only grows, which a conditional
 * {@code UPDATE} expresses without reading the row first. The table is created at start where it is
 * missing, on H2 and MySQL alike, as the attachment tables are. A deleted account's marks go with it.
 */
@Component(service = { ReadMarkStore.class, AccountDeletionListener.class })
public class JpaReadMarkStore implements ReadMarkStore, AccountDeletionListener {
    private static final Logger LOG = LoggerFactory.getLogger(JpaReadMarkStore.class);

    static final String TABLE = "CONFAB_READ_MARK";
    private static final String[] CREATE = {
            "CREATE TABLE " + TABLE + " (READER VARCHAR(64) NOT NULL, SENDER VARCHAR(64) NOT NULL,"
                    + " UP_TO BIGINT NOT NULL, CHANGED BIGINT NOT NULL, PRIMARY KEY (READER, SENDER))",
            "CREATE INDEX IX_READ_MARK_SENDER ON " + TABLE + " (SENDER)" };
    private static final String MOVE = "UPDATE " + TABLE + " SET UP_TO = ?, CHANGED = ? WHERE READER = ? AND SENDER = ? AND UP_TO < ?";
    private static final String SELECT = "SELECT UP_TO FROM " + TABLE + " WHERE READER = ? AND SENDER = ?";
    private static final String INSERT = "INSERT INTO " + TABLE + " (READER, SENDER, UP_TO, CHANGED) VALUES (?, ?, ?, ?)";
    private static final String DELETE = "DELETE FROM " + TABLE + " WHERE READER = ? OR SENDER = ?";

    private final Transactions transactions;

    @Activate
    public JpaReadMarkStore(@Reference(target = "(osgi.unit.name=confab)") EntityManagerFactory factory) {
        this.transactions = new Transactions(factory);
        transactions.inTransaction("create the read mark table", em -> jdbc(em, connection -> {
            if (!exists(connection)) {
                try (Statement statement = connection.createStatement()) {
                    for (String sql : CREATE) {
                        statement.execute(sql);
                    }
                }
                LOG.info("created table {}", TABLE);
            }
            return null;
        }));
    }

    @Override
    public long advance(String reader, String sender, long upTo) {
        return transactions.inTransaction("store a read mark", em -> jdbc(em, connection -> {
            long now = System.currentTimeMillis();
            for (int attempt = 0;; attempt++) {
                try (PreparedStatement move = connection.prepareStatement(MOVE)) {
                    move.setLong(1, upTo);
                    move.setLong(2, now);
                    move.setString(3, reader);
                    move.setString(4, sender);
                    move.setLong(5, upTo);
                    if (move.executeUpdate() == 1) {
                        return upTo;
                    }
                }
                OptionalLong stored = find(connection, reader, sender);
                if (stored.isPresent()) {
                    return stored.getAsLong(); // already there or further
                }
                try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                    insert.setString(1, reader);
                    insert.setString(2, sender);
                    insert.setLong(3, upTo);
                    insert.setLong(4, now);
                    insert.executeUpdate();
                    return upTo;
                } catch (SQLException e) {
                    // another session of the reader inserted the row first: move that one instead
                    if (attempt > 0) {
                        throw e;
                    }
                }
            }
        }));
    }

    @Override
    public OptionalLong find(String reader, String sender) {
        return transactions.inTransaction("read a read mark", em -> jdbc(em, connection -> find(connection, reader, sender)));
    }

    @Override
    public String accountDeleted(String username) {
        int rows = transactions.inTransaction("delete read marks", em -> jdbc(em, connection -> {
            try (PreparedStatement delete = connection.prepareStatement(DELETE)) {
                delete.setString(1, username);
                delete.setString(2, username);
                return delete.executeUpdate();
            }
        }));
        return rows + " read marks";
    }

    private static OptionalLong find(Connection connection, String reader, String sender) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT)) {
            select.setString(1, reader);
            select.setString(2, sender);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? OptionalLong.of(row.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    /** Asked by selecting from the table, not through metadata that may search every MySQL database. */
    private static boolean exists(Connection connection) {
        try (Statement probe = connection.createStatement();
                ResultSet none = probe.executeQuery("SELECT 1 FROM " + TABLE + " WHERE 1 = 0")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private static <T> T jdbc(EntityManager em, Work<T> work) {
        try {
            return work.run(em.unwrap(Connection.class));
        } catch (SQLException e) {
            throw new PersistenceException(e.getMessage(), e);
        }
    }
}
