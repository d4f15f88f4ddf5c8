package org.confab.bench.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.confab.client.core.ClientListener;
import org.confab.client.core.ClientMessageIds;
import org.confab.client.core.ConfabClient;
import org.confab.protocol.messages.Messages.ChatMessage;

/**
 * {@code bench chat}: N logged-in users exchange 1:1 messages at a total rate through the real
 * server. Latency is send call to delivery at the recipient's client, both in this process, so one
 * clock measures both ends. "Lost" counts messages acknowledged to their sender but never delivered.
 * A warm-up at the same rate runs first and is not counted: both JVMs would otherwise be measured
 * while they still compile the hot path. Throughput is delivered messages over the time from the first
 * send to the last delivery, so a server that falls behind cannot look as fast as the offered rate.
 */
final class ChatBench {
    private static final long DRAIN_NANOS = 20_000_000_000L;

    private final ConcurrentHashMap<String, Long> inFlight = new ConcurrentHashMap<>();
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private volatile Latencies latencies = new Latencies();
    private final AtomicLong lastDelivery = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();

    Report run(Options options, PrintStream progress) throws Exception {
        int users = options.number("users", 100);
        int rate = options.number("rate", 1000);
        int duration = options.number("duration", 20);
        String text = LoadPattern.payload(options.number("size", 100));
        BenchUsers accounts = new BenchUsers(options);
        accounts.sources().announce(users, progress);
        progress.println("registering " + users + " users...");
        accounts.ensureRegistered(users);
        List<ConfabClient> clients = new ArrayList<>(users);
        ClientListener recorder = new ClientListener() {
            @Override
            public void onMessage(ChatMessage message) {
                received(message.clientMessageId());
            }
        };
        try {
            progress.println("logging in " + users + " users...");
            for (int i = 0; i < users; i++) {
                clients.add(accounts.login(i, i, recorder));
            }
            int warmup = options.number("warmup", 5);
            if (warmup > 0) {
                progress.println("warming up at " + rate + " messages/s for " + warmup + " s (not counted)...");
                new LoadPattern(users, rate, warmup).run((from, to) -> send(clients.get(from), accounts.name(to), text));
                drain();
                reset();
            }
            progress.println("sending " + rate + " messages/s for " + duration + " s...");
            long start = System.nanoTime();
            new LoadPattern(users, rate, duration).run((from, to) -> send(clients.get(from), accounts.name(to), text));
            long sendingNanos = System.nanoTime() - start;
            drain();
            long activeNanos = Math.max(sendingNanos, lastDelivery.get() - start);
            long lost = acknowledged.stream().filter(inFlight::containsKey).count();
            return new Report().put("scenario", "chat").put("users", users)
                    .put("sources", accounts.sources().used(users)).put("targetRate", rate)
                    .put("durationSeconds", duration).put("sizeBytes", text.length())
                    .put("sent", sent.get()).put("acknowledged", acknowledged.size()).put("failed", failed.get())
                    .put("delivered", delivered.get()).put("duplicatesSuppressed", duplicates.get()).put("lost", lost)
                    .put("throughputPerSecond", delivered.get() * 1e9 / activeNanos).put("warmupSeconds", warmup)
                    .put("p50ms", latencies.percentile(50)).put("p95ms", latencies.percentile(95))
                    .put("p99ms", latencies.percentile(99)).put("maxMs", latencies.max());
        } finally {
            clients.forEach(ConfabClient::close);
        }
    }

    private void send(ConfabClient client, String to, String text) {
        String id = ClientMessageIds.next();
        inFlight.put(id, System.nanoTime());
        sent.incrementAndGet();
        client.send(to, id, text).whenComplete((ok, error) -> {
            if (error == null) {
                acknowledged.add(id);
            } else {
                failed.incrementAndGet();
                inFlight.remove(id);
            }
        });
    }

    private void received(String clientMessageId) {
        Long sentAt = inFlight.remove(clientMessageId);
        if (sentAt == null) {
            duplicates.incrementAndGet();
            return;
        }
        long now = System.nanoTime();
        latencies.add(now - sentAt);
        delivered.incrementAndGet();
        lastDelivery.accumulateAndGet(now, Math::max);
    }

    /** Forgets the warm-up; its stragglers, if any, then count as duplicates. */
    private void reset() {
        inFlight.clear();
        acknowledged.clear();
        latencies = new Latencies();
        sent.set(0);
        failed.set(0);
        delivered.set(0);
        duplicates.set(0);
    }

    /** Waits until every acknowledged message arrived, or the drain time is over. */
    private void drain() throws InterruptedException {
        long deadline = System.nanoTime() + DRAIN_NANOS;
        while (System.nanoTime() < deadline) {
            if (inFlight.isEmpty() || (acknowledged.size() + failed.get() >= sent.get()
                    && acknowledged.stream().noneMatch(inFlight::containsKey))) {
                return;
            }
            Thread.sleep(50);
        }
    }
}
