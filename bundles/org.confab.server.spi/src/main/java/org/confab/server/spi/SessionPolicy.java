package org.confab.server.spi;

/**
 * How long connections may stay silent: clients ping every {@code heartbeatSeconds}; a connection
 * silent for {@code idleTimeoutSeconds} is closed; one that has not logged in within
 * {@code loginTimeoutSeconds} of connecting is closed too.
 */
public record SessionPolicy(int heartbeatSeconds, int idleTimeoutSeconds, int loginTimeoutSeconds) {
}
