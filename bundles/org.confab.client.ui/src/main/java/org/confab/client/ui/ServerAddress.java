package org.confab.client.ui;

/** Where the client connects: from {@code ./confab client --server HOST:PORT}, else localhost:7777. */
public record ServerAddress(String host, int port) {

    public static final int DEFAULT_PORT = 7777;

    /** Parses {@code HOST[:PORT]}; a missing or blank value gives localhost on the default port. */
    public static ServerAddress parse(String text) {
        if (text == null || text.isBlank()) {
            return new ServerAddress("localhost", DEFAULT_PORT);
        }
        String trimmed = text.strip();
        int colon = trimmed.lastIndexOf(':');
        if (colon < 0) {
            return new ServerAddress(trimmed, DEFAULT_PORT);
        }
        try {
            int port = Integer.parseInt(trimmed.substring(colon + 1));
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port out of range in '" + text + "'");
            }
            return new ServerAddress(trimmed.substring(0, colon), port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not HOST:PORT: '" + text + "'", e);
        }
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
