package org.confab.server.persistence.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Facts about the embedded H2 database that the stores need: where its files are (the message
 * journal lives next to them) and how to force it to disk. H2 runs without {@code WRITE_DELAY=0}:
 * message batches are made durable by {@link MessageJournal}, the rare other writes (accounts, audit)
 * by {@link #forceToDisk} after their commit.
 */
final class EmbeddedDatabase {
    private static final String H2_URL = "jdbc:h2:";
    /** H2's prefixes for a database in local files; without any prefix a URL names a file too. */
    private static final List<String> FILE_PREFIXES = List.of("file:", "nio:", "nioMapped:", "async:");
    /** Anything else with a prefix ({@code mem:}, {@code tcp:}, {@code ssl:}, {@code zip:} …) is not a local file. */
    private static final Pattern OTHER_PREFIX = Pattern.compile("^[A-Za-z][A-Za-z0-9]+:");

    private EmbeddedDatabase() {
    }

    /** The database's path without extension if {@code connection} is to an H2 database in a file. */
    static Optional<Path> file(Connection connection) throws SQLException {
        return file(connection.getMetaData().getURL());
    }

    /**
     * The database's path without extension if {@code url} names an H2 database in local files:
     * {@code jdbc:h2:file:/srv/db} as well as {@code jdbc:h2:/srv/db} or {@code jdbc:h2:~/db} (H2 reads
     * all of them as files, and each needs the journal and forced writes alike).
     */
    static Optional<Path> file(String url) {
        if (url == null || !url.startsWith(H2_URL)) {
            return Optional.empty();
        }
        String path = url.substring(H2_URL.length());
        int settings = path.indexOf(';');
        path = settings < 0 ? path : path.substring(0, settings);
        String withoutPrefix = path;
        for (String prefix : FILE_PREFIXES) {
            if (path.startsWith(prefix)) {
                withoutPrefix = path.substring(prefix.length());
                break;
            }
        }
        if (withoutPrefix.equals(path) && OTHER_PREFIX.matcher(path).find() || withoutPrefix.isEmpty()) {
            return Optional.empty();
        }
        if (withoutPrefix.startsWith("~")) {
            withoutPrefix = System.getProperty("user.home") + withoutPrefix.substring(1);
        }
        return Optional.of(Path.of(withoutPrefix));
    }

    /** Writes every committed change to the file and syncs it (H2 {@code CHECKPOINT SYNC}). */
    static void forceToDisk(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT SYNC");
        }
    }
}
