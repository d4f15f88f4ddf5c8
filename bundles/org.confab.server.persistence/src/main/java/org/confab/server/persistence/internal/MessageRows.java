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

import org.confab.server.api.StoredMessage;

/**
 * The acknowledgement path in plain JDBC on the transaction's connection, looking rows up by primary
 * key only. Ids go in fixed-size chunks (padded by repeating the last id) so every statement has the
 * same text and the database parses it once.
 */
final class MessageRows {
    static final int CHUNK = 32;
    private static final String PARAMETERS = String.join(",", Collections.nCopies(CHUNK, "?"));
    private static final String SELECT = "SELECT ID, SENDER, RECIPIENT, SENT_AT, CLIENT_MESSAGE_ID, DELIVERED"
            + " FROM CONFAB_MESSAGE WHERE ID IN (" + PARAMETERS + ")";
    private static final String UPDATE = "UPDATE CONFAB_MESSAGE SET DELIVERED = ? WHERE DELIVERED = ? AND ID IN ("
            + PARAMETERS + ")";

    private MessageRows() {
    }

    /**
     * Marks the recipient's pending messages among {@code ids} delivered; ids of other users' or
     * already delivered messages are ignored.
     *
     * @return the messages that changed, ordered by id, without their bodies
     */
    static List<StoredMessage> markDelivered(Connection connection, String recipient, List<Long> requested)
            throws SQLException {
        List<Long> ids = requested.stream().distinct().toList();
        List<StoredMessage> pending = new ArrayList<>(ids.size());
        try (PreparedStatement select = connection.prepareStatement(SELECT)) {
            for (int from = 0; from < ids.size(); from += CHUNK) {
                bindChunk(select, 1, ids, from);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        if (recipient.equals(rows.getString(3)) && !rows.getBoolean(6)) {
                            pending.add(new StoredMessage(rows.getLong(1), rows.getString(2), recipient, "",
                                    Instant.ofEpochMilli(rows.getLong(4)), rows.getString(5), true));
                        }
                    }
                }
            }
        }
        if (pending.isEmpty()) {
            return List.of();
        }
        pending.sort(Comparator.comparingLong(StoredMessage::id));
        List<Long> flipped = pending.stream().map(StoredMessage::id).toList();
        try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
            update.setBoolean(1, true);
            update.setBoolean(2, false);
            for (int from = 0; from < flipped.size(); from += CHUNK) {
                bindChunk(update, 3, flipped, from);
                update.executeUpdate();
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
