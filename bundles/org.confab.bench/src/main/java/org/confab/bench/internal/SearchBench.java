package org.confab.bench.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.confab.client.core.ClientListener;
import org.confab.client.core.ConfabClient;
import org.confab.protocol.messages.Messages.SearchRequest;

/**
 * {@code bench search}: N logged-in users each search all their conversations ({@code chat.search}
 * without a peer) one search after the other for a while, for a word that is not in the bench's
 * messages, so every search reads as far back as the index lets it. Reports the time per search and
 * how many the server refused (its search budget). Run {@code bench chat} against the same server at
 * the same time to measure chat throughput while searches run.
 */
final class SearchBench {

    Report run(Options options, PrintStream progress) throws Exception {
        int users = options.number("users", 4);
        int duration = options.number("duration", 20);
        String query = options.text("query", "no-such-word");
        BenchUsers accounts = new BenchUsers(options);
        accounts.ensureRegistered(users);
        List<ConfabClient> clients = new ArrayList<>(users);
        Latencies latencies = new Latencies();
        AtomicLong done = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        try {
            for (int i = 0; i < users; i++) {
                clients.add(accounts.login(i, i, new ClientListener() {
                }));
            }
            progress.println(users + " users searching for '" + query + "' for " + duration + " s...");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(duration);
            List<Thread> searchers = new ArrayList<>();
            for (ConfabClient client : clients) {
                searchers.add(Thread.ofVirtual().start(() -> {
                    while (System.nanoTime() < deadline) {
                        long start = System.nanoTime();
                        try {
                            client.search(new SearchRequest(null, query, null, 50)).get(60, TimeUnit.SECONDS);
                            latencies.add(System.nanoTime() - start);
                            done.incrementAndGet();
                        } catch (Exception e) {
                            refused.incrementAndGet(); // RATE_LIMITED: the budget; wait as the server says
                            sleepQuietly(1000);
                        }
                    }
                }));
            }
            for (Thread searcher : searchers) {
                searcher.join();
            }
            return new Report().put("scenario", "search").put("users", users).put("durationSeconds", duration)
                    .put("searches", done.get()).put("refused", refused.get())
                    .put("searchesPerSecond", done.get() / (double) duration)
                    .put("p50ms", latencies.percentile(50)).put("p95ms", latencies.percentile(95))
                    .put("p99ms", latencies.percentile(99)).put("maxMs", latencies.max());
        } finally {
            clients.forEach(ConfabClient::close);
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
