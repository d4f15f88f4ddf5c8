package org.confab.bench.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} options of a bench command, with typed accessors and defaults. */
final class Options {
    private final Map<String, String> values = new HashMap<>();

    Options(List<String> arguments) {
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (!argument.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + argument + "'");
            }
            String name = argument.substring(2);
            if (name.equals("json")) {
                values.put(name, "true");
            } else if (i + 1 < arguments.size()) {
                values.put(name, arguments.get(++i));
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
        }
    }

    String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    int number(String name, int fallback) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value);
            if (number < 0) {
                throw new IllegalArgumentException("--" + name + " must not be negative");
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, was '" + value + "'");
        }
    }

    boolean flag(String name) {
        return values.containsKey(name);
    }

    String host() {
        return host(0);
    }

    int port() {
        return port(0);
    }

    /** The host of server {@code index} modulo how many {@code --server} names (comma-separated: a cluster's nodes). */
    String host(int index) {
        String server = server(index);
        return server.substring(0, server.lastIndexOf(':'));
    }

    int port(int index) {
        String server = server(index);
        return Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));
    }

    private String server(int index) {
        String[] servers = text("server", "127.0.0.1:7777").split(",");
        return servers[Math.floorMod(index, servers.length)].strip();
    }
}
