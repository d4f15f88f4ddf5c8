package org.confab.server.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;

import org.junit.jupiter.api.Test;

/** A resend hitting the unique key is routine and logged as such; other batch failures stay warnings. */
class UniqueKeyViolationTest {

    @Test
    void aUniqueKeyRefusalIsRecognisedHoweverDeeplyWrapped() {
        assertTrue(GroupCommitter.uniqueKeyViolation(new RuntimeException("rollback",
                new RuntimeException("EclipseLink-4002", new SQLIntegrityConstraintViolationException("dup")))));
        assertTrue(GroupCommitter.uniqueKeyViolation(new IllegalStateException(new SQLException("Duplicate entry", "23000"))),
                "MySQL and MariaDB say so with SQL state 23000");
        assertTrue(GroupCommitter.uniqueKeyViolation(new SQLException("Unique index or primary key violation", "23505")),
                "H2 with 23505");
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(GroupCommitter.uniqueKeyViolation(new RuntimeException("connection lost",
                new SQLException("Communications link failure", "08S01"))));
        assertFalse(GroupCommitter.uniqueKeyViolation(new IllegalStateException("no SQL at all")));
        assertFalse(GroupCommitter.uniqueKeyViolation(new SQLException("no state")));
    }
}
