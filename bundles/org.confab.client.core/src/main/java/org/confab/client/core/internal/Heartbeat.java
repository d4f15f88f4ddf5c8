package org.confab.client.core.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import org.confab.protocol.messages.MessageTypes;

/**
 * Pings the server whenever the connection has sent nothing for the heartbeat interval, so the server
 * does not close it as idle. A ping that gets no answer means the connection is dead even if the
 * socket has not noticed; the connection is then closed, which starts a reconnect.
 */
final class Heartbeat {
    private final Connection connection;
    private final ClientRuntime runtime;
    private final Duration interval;

    Heartbeat(Connection connection, ClientRuntime runtime, Duration interval) {
        this.connection = connection;
        this.runtime = runtime;
        this.interval = interval;
    }

    void start() {
        runtime.schedule(this::tick, interval);
    }

    private void tick() {
        if (!connection.isOpen()) {
            return;
        }
        Duration idle = connection.idleTime();
        if (idle.compareTo(interval) < 0) {
            runtime.schedule(this::tick, interval.minus(idle));
            return;
        }
        connection.request(MessageTypes.PING, Map.of()).whenComplete((answer, error) -> {
            if (Failures.unwrap(error) instanceof TimeoutException) {
                connection.close("no answer to heartbeat ping");
            }
        });
        runtime.schedule(this::tick, interval);
    }
}
