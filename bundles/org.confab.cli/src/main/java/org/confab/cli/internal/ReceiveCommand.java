package org.confab.cli.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.confab.client.core.ClientListener;
import org.confab.protocol.messages.Messages.ChatMessage;

/**
 * {@code receive [--wait SECONDS] [--count N]}: logs in, prints the messages the server pushes (the
 * offline backlog first), acknowledges each printed batch, and exits after N messages or when the wait
 * is over. Messages beyond N are not acknowledged, so the server delivers them next time.
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
        return "print and acknowledge incoming messages (stops after N or the wait, default 5 s)";
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
        BlockingQueue<ChatMessage> inbox = new LinkedBlockingQueue<>();
        try (CliSession session = context.connect()) {
            session.client().addListener(new ClientListener() {
                @Override
                public void onMessage(ChatMessage message) {
                    inbox.add(message);
                }
            });
            session.login();
            long deadline = System.nanoTime() + wait.toNanos();
            long received = 0;
            while (received < count) {
                ChatMessage first = inbox.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (first == null) {
                    break;
                }
                List<ChatMessage> batch = new ArrayList<>(List.of(first));
                inbox.drainTo(batch, (int) Math.min(Integer.MAX_VALUE, count - received - 1));
                batch.forEach(message -> context.output().message(message, false));
                session.await(session.client().ack(batch.stream().map(ChatMessage::messageId).toList()));
                received += batch.size();
            }
        }
        return ExitCodes.OK;
    }
}
