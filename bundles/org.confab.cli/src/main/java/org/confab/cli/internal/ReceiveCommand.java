package org.confab.cli.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.confab.client.core.ClientListener;
import org.confab.client.core.ConfabConnectionException;
import org.confab.client.core.ConnectionState;
import org.confab.protocol.messages.AdminMessages.Notice;
import org.confab.protocol.messages.Messages.ChatMessage;

/**
 * {@code receive [--wait SECONDS] [--count N]}: logs in, prints the messages the server pushes (the
 * offline backlog first) and the notices administrators broadcast, acknowledges each printed batch of
 * messages, and exits after N messages or when the wait is over. Messages beyond N are not
 * acknowledged, so the server delivers them next time. Given several servers it follows the client
 * from node to node: a lost connection is re-established on the next node and receiving goes on. When the server ends the session for good
 * (kicked) or the connection is given up, it fails with the reason.
 */
final class ReceiveCommand implements Command {
    static final Duration DEFAULT_WAIT = Duration.ofSeconds(5);

    @Override
    public String name() {
        return "receive";
    }

    @Override
    public String synopsis() {
        return "[--wait SECONDS] [--count N]";
    }

    @Override
    public String description() {
        return "print incoming messages (acknowledged) and notices; stops after N or the wait, default 5 s";
    }

    @Override
    public Set<String> options() {
        return Set.of("wait", "count");
    }

    @Override
    public int run(CommandContext context) throws Exception {
        context.operands(0, 0, "no arguments besides --wait and --count");
        Duration wait = context.option("wait").map(text -> OptionValues.seconds("--wait", text, true))
                .orElse(DEFAULT_WAIT);
        long count = context.option("count").map(text -> OptionValues.inRange("--count", text, 1, Long.MAX_VALUE))
                .orElse(Long.MAX_VALUE);
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        try (CliSession session = context.connect()) {
            session.client().addListener(new EventCollector(events));
            session.login();
            long deadline = System.nanoTime() + wait.toNanos();
            long received = 0;
            while (received < count) {
                Event first = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (first == null) {
                    break;
                }
                List<Event> batch = new ArrayList<>(List.of(first));
                events.drainTo(batch);
                List<Long> printed = new ArrayList<>();
                for (Event event : batch) {
                    switch (event) {
                        case Incoming(ChatMessage message) -> {
                            // beyond --count: not printed nor acknowledged, so the server delivers it next time
                            if (received < count) {
                                context.output().message(message, false);
                                printed.add(message.messageId());
                                received++;
                            }
                        }
                        case Announced(Notice notice) -> context.output().notice(notice);
                        case Ended(String code, String reason) when code.isEmpty() ->
                            throw new ConfabConnectionException(reason);
                        case Ended(String code, String reason) -> throw new SessionEndedException(code, reason);
                    }
                }
                if (!printed.isEmpty()) {
                    acknowledge(session, printed);
                }
            }
        }
        return ExitCodes.OK;
    }

    /**
     * Acknowledges printed messages. While the client fails over to another node the acknowledgement
     * cannot go out; the server then delivers the messages again after the re-login, and the client
     * acknowledges those repeats itself without reporting them, so nothing is printed twice.
     */
    private static void acknowledge(CliSession session, List<Long> printed) throws Exception {
        try {
            session.await(session.client().ack(printed));
        } catch (ConfabConnectionException | TimeoutException e) {
            if (session.client().state() == ConnectionState.DISCONNECTED) {
                throw e;
            }
        }
    }

    /** What happens while waiting, in the order the client reported it. */
    private sealed interface Event permits Incoming, Announced, Ended {
    }

    private record Incoming(ChatMessage message) implements Event {
    }

    private record Announced(Notice notice) implements Event {
    }

    /** The session is over for good: ended by the server ({@code code} set), or the connection given up. */
    private record Ended(String code, String reason) implements Event {
    }

    private record EventCollector(BlockingQueue<Event> events) implements ClientListener {
        /** Ends after which the client does not reconnect, so waiting longer is pointless. */
        private static final Set<String> FINAL_ENDS = Set.of("KICKED", "REPLACED");

        @Override
        public void onMessage(ChatMessage message) {
            events.add(new Incoming(message));
        }

        @Override
        public void onAdminNotice(Notice notice) {
            events.add(new Announced(notice));
        }

        @Override
        public void onSessionClosed(String code, String reason) {
            if (FINAL_ENDS.contains(code)) {
                events.add(new Ended(code, reason));
            }
        }

        @Override
        public void onConnectionState(ConnectionState state, String reason) {
            if (state == ConnectionState.DISCONNECTED) {
                events.add(new Ended("", reason.isEmpty() ? "connection lost" : reason));
            }
        }
    }
}
