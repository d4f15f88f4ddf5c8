package org.confab.server.persistence.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;

/**
 * Hands out message ids, a block of {@value #BLOCK} at a time, from the row {@code MESSAGE} of
 * {@code CONFAB_SEQUENCE}, whose {@code NEXT_VALUE} is the last id handed out to anybody (as
 * EclipseLink's table generator kept it before these ids were ours, and as the journal replay keeps
 * it). A block is taken in a transaction of its own, committed at once, so a batch of messages that
 * rolls back never makes an id be handed out twice.
 *
 * <p>Clients order a conversation by message id. On one server ids follow the order of storing. On a
 * cluster every node holds a block of its own, so a node whose block is older than another's would
 * give a reply a lower id than the message it answers. {@link #aboveCommitted} prevents that: a node
 * calls it at the start of every batch and, when a committed message already has an id at or above
 * its next one, takes a fresh block above it. Anything a user can have seen before sending (a push,
 * an acknowledgement, a history page) was committed before, so what they send next sorts after it.
 */
final class MessageIds {
    static final int BLOCK = 1000;

    private static final String TAKE_BLOCK = "UPDATE CONFAB_SEQUENCE SET NEXT_VALUE = GREATEST(NEXT_VALUE, ?) + "
            + BLOCK + " WHERE NAME = 'MESSAGE'";
    private static final String READ_BLOCK_END = "SELECT NEXT_VALUE FROM CONFAB_SEQUENCE WHERE NAME = 'MESSAGE'";
    /** A database created after message ids became ours has no row yet: start after the highest message. */
    private static final String CREATE_ROW = "INSERT INTO CONFAB_SEQUENCE (NAME, NEXT_VALUE)"
            + " SELECT 'MESSAGE', COALESCE(MAX(ID), 0) FROM CONFAB_MESSAGE";
    private static final String HIGHEST_COMMITTED = "SELECT MAX(ID) FROM CONFAB_MESSAGE";

    private final Transactions transactions;
    private long next = 1;
    /** The last id of the current block; below {@link #next} when there is none. */
    private long last;

    MessageIds(Transactions transactions) {
        this.transactions = transactions;
    }

    /** The next id; takes a block from the database when the current one is used up. */
    synchronized long next() {
        if (next > last) {
            takeBlock(0);
        }
        return next++;
    }

    /**
     * Makes every id handed out from now on higher than every message committed when {@code em}'s
     * transaction read the table (its first read: call it before the batch's other work). One read
     * of the primary key's last entry; a block is taken only when another node has passed this one.
     */
    void aboveCommitted(EntityManager em) {
        Object highest = em.createNativeQuery(HIGHEST_COMMITTED).getSingleResult();
        if (highest instanceof Number number) {
            above(number.longValue());
        }
    }

    /** Makes every id handed out from now on higher than {@code id}. */
    synchronized void above(long id) {
        if (id >= next) {
            takeBlock(id);
        }
    }

    private void takeBlock(long atLeast) {
        long end = transactions.inTransaction("take a block of message ids", em -> {
            try {
                Connection connection = em.unwrap(Connection.class);
                if (update(connection, atLeast) == 0) {
                    createRow(connection);
                    update(connection, atLeast);
                }
                try (PreparedStatement read = connection.prepareStatement(READ_BLOCK_END); ResultSet row = read.executeQuery()) {
                    if (!row.next()) {
                        throw new PersistenceException("the message id sequence has no row");
                    }
                    return row.getLong(1);
                }
            } catch (SQLException e) {
                throw new PersistenceException(e.getMessage(), e);
            }
        });
        next = end - BLOCK + 1;
        last = end;
    }

    private static int update(Connection connection, long atLeast) throws SQLException {
        try (PreparedStatement take = connection.prepareStatement(TAKE_BLOCK)) {
            take.setLong(1, atLeast);
            return take.executeUpdate();
        }
    }

    private static void createRow(Connection connection) throws SQLException {
        try (PreparedStatement create = connection.prepareStatement(CREATE_ROW)) {
            create.executeUpdate();
        } catch (SQLException e) {
            if (!GroupCommitter.uniqueKeyViolation(e)) {
                throw e;
            }
            // another node created it at the same moment: its row serves as well
        }
    }
}
