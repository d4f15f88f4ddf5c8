package org.confab.bench.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.confab.client.core.ClientListener;
import org.confab.client.core.ConfabClient;

/**
 * {@code bench connect}: opens N authenticated sessions (spread over a pool of users, several
 * sessions each) as fast as allowed, holds them, and reports the login rate and what the server's
 * resident memory grew by per session (read from /proc for {@code --server-pid}). With the pid it also
 * reports the server's live heap per session: heap used after a full GC (jcmd GC.run), before and after,
 * which unlike RSS counts neither garbage nor heap the JVM merely grew into.
 */
final class ConnectBench {

    Report run(Options options, PrintStream progress) throws Exception {
        int sessions = options.number("sessions", 1000);
        int users = Math.max(1, Math.min(sessions, options.number("users", 100)));
        int concurrency = Math.max(1, options.number("concurrency", 64));
        int hold = options.number("hold", 5);
        int serverPid = options.number("server-pid", 0);
        BenchUsers accounts = new BenchUsers(options);
        accounts.sources().announce(sessions, progress);
        progress.println("registering " + users + " users...");
        accounts.ensureRegistered(users);
        long heapBefore = heapAfterGcKilobytes(serverPid);
        long rssBefore = residentKilobytes(serverPid);
        List<ConfabClient> open = Collections.synchronizedList(new ArrayList<>(sessions));
        Latencies loginTimes = new Latencies();
        AtomicLong failures = new AtomicLong();
        Semaphore inFlight = new Semaphore(concurrency);
        List<CompletableFuture<Void>> logins = new ArrayList<>(sessions);
        progress.println("opening " + sessions + " sessions...");
        long start = System.nanoTime();
        for (int i = 0; i < sessions; i++) {
            inFlight.acquire();
            int user = i % users;
            int session = i;
            logins.add(CompletableFuture.runAsync(() -> {
                long begin = System.nanoTime();
                try {
                    open.add(accounts.login(user, session, new ClientListener() {
                    }));
                    loginTimes.add(System.nanoTime() - begin);
                } catch (Exception e) {
                    failures.incrementAndGet();
                } finally {
                    inFlight.release();
                }
            }, runnable -> Thread.ofVirtual().start(runnable)));
        }
        CompletableFuture.allOf(logins.toArray(CompletableFuture[]::new)).join();
        long loginNanos = System.nanoTime() - start;
        progress.println("holding " + open.size() + " sessions for " + hold + " s...");
        TimeUnit.SECONDS.sleep(hold);
        long rssAfter = residentKilobytes(serverPid);
        long heapAfter = heapAfterGcKilobytes(serverPid);
        Report report = new Report().put("scenario", "connect").put("sessions", sessions).put("users", users)
                .put("sources", accounts.sources().used(sessions)).put("established", open.size()).put("failures", failures.get())
                .put("loginsPerSecond", open.size() * 1e9 / loginNanos)
                .put("loginP50ms", loginTimes.percentile(50)).put("loginP99ms", loginTimes.percentile(99));
        if (serverPid > 0 && !open.isEmpty()) {
            report.put("serverRssGrowthKiB", rssAfter - rssBefore)
                    .put("serverKiBPerSession", (double) (rssAfter - rssBefore) / open.size())
                    .put("serverHeapGrowthKiB", heapAfter - heapBefore)
                    .put("serverHeapKiBPerSession", (double) (heapAfter - heapBefore) / open.size());
        }
        open.forEach(ConfabClient::close);
        return report;
    }

    /** Heap in use by a JVM on this machine right after a full GC, in KiB (jcmd); 0 when unknown. */
    static long heapAfterGcKilobytes(int pid) throws IOException, InterruptedException {
        if (pid <= 0) {
            return 0;
        }
        jcmd(pid, "GC.run");
        Matcher used = Pattern.compile("used (\\d+)K").matcher(jcmd(pid, "GC.heap_info"));
        return used.find() ? Long.parseLong(used.group(1)) : 0;
    }

    private static String jcmd(int pid, String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process process = new ProcessBuilder(jcmd.toString(), Integer.toString(pid), command).redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        process.waitFor();
        return output;
    }

    /** VmRSS of a process on this machine, in KiB; 0 when unknown. */
    static long residentKilobytes(int pid) throws IOException {
        if (pid <= 0) {
            return 0;
        }
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return 0;
    }
}
