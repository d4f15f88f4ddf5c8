package org.confab.cli.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code ping}: handshake and one ping; prints the round trip. Needs no account. */
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
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("server", session.hello().server());
            fields.put("roundTripMillis", millis);
            context.output().item(String.format("pong from %s in %.1f ms", session.hello().server(), millis), fields);
        }
        return ExitCodes.OK;
    }
}
