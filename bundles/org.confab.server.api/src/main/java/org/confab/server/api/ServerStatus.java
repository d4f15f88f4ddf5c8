package org.confab.server.api;

import java.time.Duration;
import java.time.Instant;

/**
 * A snapshot of the server: since when it runs, open connections (logged in or not), logged-in
 * sessions and distinct users, accounts, messages stored since local midnight, and the database.
 */
public record ServerStatus(Instant startedAt, Duration uptime, int connections, int sessionsOnline, int usersOnline,
        long accounts, long messagesToday, String database) {
}
