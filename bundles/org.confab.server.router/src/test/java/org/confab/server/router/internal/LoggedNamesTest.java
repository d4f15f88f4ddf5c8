package org.confab.server.router.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class LoggedNamesTest {

    @Test
    void aTypedNameCannotStartAForgedLogLine() {
        String forged = "x' from /10.0.0.1\n2026-12-03 10:00:00 INFO login #7 user=admin\r\u001b[2J";
        String logged = LoggedNames.safe(forged);
        assertFalse(logged.contains("\n") || logged.contains("\r") || logged.contains("\u001b"), logged);
        assertEquals("x' from /10.0.0.1\\n2026-12-03 10:00:00 INFO login #7 user=admin\\r\\u001B[2J", logged);
        assertEquals("alice", LoggedNames.safe("alice"));
        assertEquals("a\\\\n", LoggedNames.safe("a\\n"), "a typed backslash-n is told apart from a newline");
    }
}
