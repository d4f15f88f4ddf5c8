package org.confab.cli.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code ping}: handshake and one ping; prints the round trip, the protocol version the connection
 * speaks and what the server has installed (capabilities with their versions). Needs no account.
 */
final class PingCommand implements Command {
    @Override
    public String name() {
        return "ping";
    }

    @Override
    public String synopsis() {
        return "";
    }

    @Override
    public String description() {
        return "connect and measure a round trip to the server";
    }

    @Override
    public int run(CommandContext context) throws Exception {
        context.operands(0, 0, "no arguments");
        try (CliSession session = context.connect()) {
            Duration roundTrip = session.await(session.client().ping());
            double millis = roundTrip.toNanos() / 1_000_000.0;
            Map<String, String> capabilities = session.client().serverCapabilities();
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("server", session.hello().server());
            fields.put("roundTripMillis", millis);
            fields.put("protocolVersion", session.hello().version());
            fields.put("capabilities", capabilities);
            context.output().item(String.format(Locale.ROOT, "pong from %s in %.1f ms, protocol %d, %s",
                    session.hello().server(), millis, session.hello().version(), describe(capabilities)), fields);
        }
        return ExitCodes.OK;
    }

    /** {@code capabilities: chat.rich 2.0.0, x.dice}, or {@code no capabilities}. */
    static String describe(Map<String, String> capabilities) {
        if (capabilities.isEmpty()) {
            return "no capabilities";
        }
        return capabilities.entrySet().stream()
                .map(entry -> entry.getValue().isEmpty() ? entry.getKey() : entry.getKey() + " " + entry.getValue())
                .collect(Collectors.joining(", ", "capabilities: ", ""));
    }
}
