package org.confab.server.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** A logged-in session as administrators see it. {@code client} is what the client said in hello. */
public record SessionInfo(long sessionId, String username, String address, Instant loginTime, Duration idle,
        Optional<String> client) {
}
