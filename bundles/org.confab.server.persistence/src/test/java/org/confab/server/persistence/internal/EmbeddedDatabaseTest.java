package org.confab.server.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * Every H2 URL that names local files gets the message journal and forced writes; before, only
 * {@code jdbc:h2:file:} did, and {@code jdbc:h2:/srv/db} ran without either.
 */
class EmbeddedDatabaseTest {

    @Test
    void h2UrlsWithoutFilePrefixAreFilesToo() {
        assertEquals(Optional.of(Path.of("/srv/db")), EmbeddedDatabase.file("jdbc:h2:/srv/db"));
        assertEquals(Optional.of(Path.of("/srv/db")), EmbeddedDatabase.file("jdbc:h2:/srv/db;DB_CLOSE_DELAY=-1"));
        assertEquals(Optional.of(Path.of("./data/db")), EmbeddedDatabase.file("jdbc:h2:./data/db"));
        assertEquals(Optional.of(Path.of(System.getProperty("user.home"), "db")), EmbeddedDatabase.file("jdbc:h2:~/db"));
        assertEquals(Optional.of(Path.of("/srv/db")), EmbeddedDatabase.file("jdbc:h2:file:/srv/db;MODE=MySQL"));
        assertEquals(Optional.of(Path.of("/srv/db")), EmbeddedDatabase.file("jdbc:h2:nio:/srv/db"));
    }

    @Test
    void otherUrlsAreNotLocalFiles() {
        assertEquals(Optional.empty(), EmbeddedDatabase.file("jdbc:h2:mem:test"));
        assertEquals(Optional.empty(), EmbeddedDatabase.file("jdbc:h2:tcp://db.example/~/confab"));
        assertEquals(Optional.empty(), EmbeddedDatabase.file("jdbc:h2:ssl://db.example/confab"));
        assertEquals(Optional.empty(), EmbeddedDatabase.file("jdbc:h2:zip:/srv/db.zip!/confab"));
        assertEquals(Optional.empty(), EmbeddedDatabase.file("jdbc:mysql://127.0.0.1:3306/confab"));
        assertEquals(Optional.empty(), EmbeddedDatabase.file((String) null));
    }
}
