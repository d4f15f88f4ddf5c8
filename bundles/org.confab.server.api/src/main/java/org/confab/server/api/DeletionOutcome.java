package org.confab.server.api;

/** The result of deleting an account: discarded undelivered messages to it, and sessions closed. */
public record DeletionOutcome(String username, int discardedMessages, int sessionsClosed) {
}
