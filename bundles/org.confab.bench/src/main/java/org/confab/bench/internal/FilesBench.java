package org.confab.bench.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.confab.client.core.ClientListener;
import org.confab.client.core.ConfabClient;
import org.confab.client.core.TransferProgress;
import org.confab.client.core.UploadedAttachment;

/**
 * {@code bench files}: N users each upload a file of random bytes through the real server at the same
 * time, then download it back (checked with SHA-256 by the client library), and the same files are
 * copied over plain TLS sockets as the baseline. Reports MiB/s both ways (all bytes over the wall
 * time, the upload's checksum pass included), their ratio to the copy, and the memory one transfer
 * holds: the growth of the client's live heap (what survives a full collection in the middle of the
 * uploads) over N, and with {@code --server-pid} the server's, measured the same way through jcmd.
 */
final class FilesBench {
    private static final Pattern TOTAL = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)");

    Report run(Options options, PrintStream progress) throws Exception {
        int concurrency = Math.max(1, options.number("concurrency", 1));
        long size = (long) options.number("size", 100) << 20;
        int serverPid = options.number("server-pid", 0);
        Path work = Files.createTempDirectory("confab-bench-files");
        BenchUsers accounts = new BenchUsers(options);
        List<ConfabClient> clients = new ArrayList<>();
        try {
            List<Path> files = new ArrayList<>();
            progress.println("writing " + concurrency + " files of " + (size >> 20) + " MiB...");
            SplittableRandom seeds = new SplittableRandom(System.nanoTime()); // fresh content: no deduplication
            for (int i = 0; i < concurrency; i++) {
                files.add(randomFile(work.resolve("file-" + i + ".bin"), size, seeds.nextLong()));
            }
            accounts.ensureRegistered(concurrency);
            for (int i = 0; i < concurrency; i++) {
                clients.add(accounts.login(i, i, new ClientListener() {
                }));
            }
            long heapBefore = liveHeap();
            long serverBefore = serverHeap(serverPid);
            Sample sample = new Sample(size / 2, serverPid);

            progress.println("uploading...");
            long start = System.nanoTime();
            List<CompletableFuture<UploadedAttachment>> uploads = new ArrayList<>();
            for (int i = 0; i < concurrency; i++) {
                uploads.add(clients.get(i).attachments().upload(files.get(i), null, i == 0 ? sample : TransferProgress.NONE));
            }
            List<UploadedAttachment> uploaded = new ArrayList<>();
            for (CompletableFuture<UploadedAttachment> upload : uploads) {
                uploaded.add(upload.get(30, TimeUnit.MINUTES));
            }
            double uploadSeconds = (System.nanoTime() - start) / 1e9;
            sample.await();

            progress.println("downloading...");
            start = System.nanoTime();
            List<CompletableFuture<Path>> downloads = new ArrayList<>();
            for (int i = 0; i < concurrency; i++) {
                downloads.add(clients.get(i).attachments().download(uploaded.get(i).id(), work.resolve("in-" + i),
                        TransferProgress.NONE));
            }
            for (CompletableFuture<Path> download : downloads) {
                Files.delete(download.get(30, TimeUnit.MINUTES));
            }
            double downloadSeconds = (System.nanoTime() - start) / 1e9;

            progress.println("copying over plain TLS...");
            double copySeconds;
            try (TlsCopy copy = new TlsCopy(work)) {
                copySeconds = copy.copy(files);
            }
            for (int i = 0; i < concurrency; i++) {
                clients.get(i).attachments().delete(uploaded.get(i).id()).get(1, TimeUnit.MINUTES);
            }

            double mebibytes = concurrency * (double) size / (1 << 20);
            double copyRate = mebibytes / copySeconds;
            Report report = new Report().put("scenario", "files").put("concurrency", concurrency)
                    .put("fileMiB", size >> 20)
                    .put("uploadMiBps", mebibytes / uploadSeconds).put("downloadMiBps", mebibytes / downloadSeconds)
                    .put("tlsCopyMiBps", copyRate).put("uploadRatio", mebibytes / uploadSeconds / copyRate)
                    .put("downloadRatio", mebibytes / downloadSeconds / copyRate)
                    .put("clientKiBPerTransfer", Math.max(0, sample.client() - heapBefore) / 1024.0 / concurrency);
            if (serverPid > 0) {
                report.put("serverKiBPerTransfer", Math.max(0, sample.server() - serverBefore) / 1024.0 / concurrency);
            }
            return report;
        } finally {
            clients.forEach(ConfabClient::close);
            try (var paths = Files.walk(work)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /**
     * Once the first upload is halfway, the live heap of both sides while every transfer runs, measured
     * on a thread of its own so the transfer reporting progress is not held up.
     */
    private static final class Sample implements TransferProgress {
        private final long at;
        private final int serverPid;
        private final AtomicBoolean started = new AtomicBoolean();
        private final CompletableFuture<long[]> heaps = new CompletableFuture<>();

        Sample(long at, int serverPid) {
            this.at = at;
            this.serverPid = serverPid;
        }

        @Override
        public void update(long done, long total, long resumedFrom) {
            if (done >= at && started.compareAndSet(false, true)) {
                Thread.ofPlatform().start(() -> heaps.complete(new long[] { liveHeap(), serverHeap(serverPid) }));
            }
        }

        long client() {
            return heaps.getNow(new long[] { 0, 0 })[0];
        }

        long server() {
            return heaps.getNow(new long[] { 0, 0 })[1];
        }

        void await() throws Exception {
            if (started.get()) {
                heaps.get(2, TimeUnit.MINUTES);
            }
        }
    }

    static Path randomFile(Path file, long size, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] block = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = size; left > 0; left -= block.length) {
                random.nextBytes(block);
                out.write(block, 0, (int) Math.min(block.length, left));
            }
        }
        return file;
    }

    /**
     * Heap that survived a full collection: what each heap pool held right after it (its collection
     * usage), not what the transfers allocated again a moment later.
     */
    static long liveHeap() {
        System.gc();
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null)
                .mapToLong(pool -> pool.getCollectionUsage().getUsed()).sum();
    }

    /**
     * The server's live heap through {@code jcmd GC.class_histogram}, which collects and counts in one
     * step: a separate {@code GC.run} and {@code GC.heap_info} would also count what a busy server
     * allocated between the two commands (tens of MiB during a transfer). 0 without a pid.
     */
    static long serverHeap(int pid) {
        if (pid <= 0) {
            return 0;
        }
        try {
            Matcher total = TOTAL.matcher(jcmd(pid, "GC.class_histogram"));
            return total.find() ? Long.parseLong(total.group(1)) : 0;
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static String jcmd(int pid, String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process process = new ProcessBuilder(jcmd.toString(), Integer.toString(pid), command).redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        process.waitFor(60, TimeUnit.SECONDS);
        return output;
    }
}
