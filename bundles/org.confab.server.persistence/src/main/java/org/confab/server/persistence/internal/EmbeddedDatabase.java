package org.confab.server.persistence.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * Facts about the embedded H2 database that the stores need: where its files are (the message
 * journal lives next to them) and how to force it to disk. H2 runs without {@code WRITE_DELAY=0}:
 * message batches are made durable by {@link MessageJournal}, the rare other writes (accounts, audit)
 * by {@link #forceToDisk} after their commit.
 */
final class EmbeddedDatabase {
    private static final String FILE_URL = "jdbc:h2:file:";

    private EmbeddedDatabase() {
    }

    /** The database's path without extension if {@code connection} is to an H2 database in a file. */
    static Optional<Path> file(Connection connection) throws SQLException {
        String url = connection.getMetaData().getURL();
        if (url == null || !url.startsWith(FILE_URL)) {
            return Optional.empty();
        }
        String path = url.substring(FILE_URL.length());
        int settings = path.indexOf(';');
        return Optional.of(Path.of(settings < 0 ? path : path.substring(0, settings)));
    }

    /** Writes every committed change to the file and syncs it (H2 {@code CHECKPOINT SYNC}). */
    static void forceToDisk(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT SYNC");
        }
    }
}
