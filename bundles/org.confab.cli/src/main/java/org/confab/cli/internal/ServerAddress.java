package org.confab.cli.internal;

/** A server's {@code HOST:PORT}, as given with {@code --server} or {@code CONFAB_SERVER}. */
record ServerAddress(String host, int port) {
    static final int DEFAULT_PORT = 7777;

    /** Parses {@code host}, {@code host:port} or {@code [ipv6]:port}. */
    static ServerAddress parse(String text) {
        String host = text;
        String port = null;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0 || (close + 1 < text.length() && text.charAt(close + 1) != ':')) {
                throw new UsageException("bad server address '" + text + "'; expected [IPV6]:PORT");
            }
            host = text.substring(1, close);
            port = close + 1 < text.length() ? text.substring(close + 2) : null;
        } else if (text.indexOf(':') >= 0 && text.indexOf(':') == text.lastIndexOf(':')) {
            host = text.substring(0, text.indexOf(':'));
            port = text.substring(text.indexOf(':') + 1);
        }
        if (host.isBlank()) {
            throw new UsageException("bad server address '" + text + "'; expected HOST:PORT");
        }
        return new ServerAddress(host, port == null ? DEFAULT_PORT : parsePort(port));
    }

    private static int parsePort(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("bad port '" + text + "'; expected a number from 1 to 65535");
    }

    @Override
    public String toString() {
        return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
    }
}
