package org.confab.server.persistence.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.confab.server.api.StoredMessage;

/**
 * Delivery state in plain JDBC on the transaction's connection, by primary key (recipient, message
 * id) of the pending table only. An acknowledgement is the most frequent write after a send; through
 * JPQL the query also flushed the batch's pending inserts early. Ids go in fixed-size chunks (padded
 * by repeating the last id) so every statement has the same text and the database parses it once.
 */
final class MessageRows {
    static final int CHUNK = 32;
    private static final String PARAMETERS = String.join(",", Collections.nCopies(CHUNK, "?"));
    private static final String SELECT_PENDING = "SELECT MESSAGE_ID, SENDER, SENT_AT, CLIENT_MESSAGE_ID"
            + " FROM CONFAB_PENDING WHERE RECIPIENT = ? AND MESSAGE_ID IN (" + PARAMETERS + ")";
    private static final String DELETE_PENDING = "DELETE FROM CONFAB_PENDING WHERE RECIPIENT = ? AND MESSAGE_ID IN ("
            + PARAMETERS + ")";

    private MessageRows() {
    }

    /**
     * Marks the recipient's pending messages among {@code ids} delivered; ids of other users' or
     * already delivered messages are ignored (the recipient is part of the key).
     *
     * @return the messages that changed, ordered by id, without their bodies
     */
    static List<StoredMessage> markDelivered(Connection connection, String recipient, List<Long> requested)
            throws SQLException {
        List<StoredMessage> pending = pending(connection, recipient, requested.stream().distinct().toList());
        if (pending.isEmpty()) {
            return List.of();
        }
        pending.sort(Comparator.comparingLong(StoredMessage::id));
        List<Long> flipped = pending.stream().map(StoredMessage::id).toList();
        try (PreparedStatement delete = connection.prepareStatement(DELETE_PENDING)) {
            delete.setString(1, recipient);
            for (int from = 0; from < flipped.size(); from += CHUNK) {
                bindChunk(delete, 2, flipped, from);
                delete.executeUpdate();
            }
        }
        return pending;
    }

    /** Which of {@code ids}, all messages to {@code recipient}, no client of the recipient has acknowledged. */
    static Set<Long> stillPending(Connection connection, String recipient, List<Long> ids) throws SQLException {
        return pending(connection, recipient, ids).stream().map(StoredMessage::id).collect(Collectors.toSet());
    }

    /** The recipient's pending rows among {@code ids}, without bodies and flagged delivered (as an acknowledgement reports them). */
    private static List<StoredMessage> pending(Connection connection, String recipient, List<Long> ids)
            throws SQLException {
        List<StoredMessage> pending = new ArrayList<>(ids.size());
        try (PreparedStatement select = connection.prepareStatement(SELECT_PENDING)) {
            select.setString(1, recipient);
            for (int from = 0; from < ids.size(); from += CHUNK) {
                bindChunk(select, 2, ids, from);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        pending.add(new StoredMessage(rows.getLong(1), rows.getString(2), recipient, "",
                                Instant.ofEpochMilli(rows.getLong(3)), rows.getString(4), true));
                    }
                }
            }
        }
        return pending;
    }

    private static void bindChunk(PreparedStatement statement, int firstParameter, List<Long> ids, int from)
            throws SQLException {
        int to = Math.min(ids.size(), from + CHUNK);
        for (int i = 0; i < CHUNK; i++) {
            statement.setLong(firstParameter + i, ids.get(Math.min(from + i, to - 1)));
        }
    }
}
