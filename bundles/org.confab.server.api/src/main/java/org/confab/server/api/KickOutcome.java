package org.confab.server.api;

import java.time.Instant;
import java.util.Optional;

/** The result of a kick: how many sessions were closed, and until when logins are refused, if banned. */
public record KickOutcome(String username, int sessionsClosed, Optional<Instant> bannedUntil) {
}
