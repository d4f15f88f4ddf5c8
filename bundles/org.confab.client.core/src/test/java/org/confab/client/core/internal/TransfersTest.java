package org.confab.client.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.confab.client.core.ConfabConnectionException;
import org.confab.client.core.ConfabException;
import org.confab.client.core.TransferProgress;
import org.confab.client.core.UploadedAttachment;
import org.confab.protocol.ErrorCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uploads and downloads against an in-memory attachment server: windows, resumes, checks, names. */
class TransfersTest {
    @TempDir
    Path temp;

    private final FakeAttachmentChannel server = new FakeAttachmentChannel();
    private final List<long[]> progress = new CopyOnWriteArrayList<>();
    private final TransferProgress recorder = (done, total, from) -> progress.add(new long[] { done, total, from });

    @AfterEach
    void stop() {
        server.close();
    }

    private Path file(String name, int size, long seed) throws IOException {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return Files.write(temp.resolve(name), bytes);
    }

    private UploadedAttachment upload(Path file) throws Exception {
        CompletableFuture<UploadedAttachment> result = new CompletableFuture<>();
        new Upload(server, file, file.getFileName().toString(), "application/octet-stream", recorder, result).run();
        return result.get(30, TimeUnit.SECONDS);
    }

    private Path download(String id, Path folder) throws Exception {
        CompletableFuture<Path> result = new CompletableFuture<>();
        new Download(server, id, folder, recorder, result).run();
        return result.get(30, TimeUnit.SECONDS);
    }

    private static Throwable failure(ThrowingRunnable action) {
        ExecutionException e = assertThrows(ExecutionException.class, action::run);
        return e.getCause();
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void uploadSendsEveryByteWithAtMostEightChunksOnTheWay() throws Exception {
        Path file = file("data.bin", 3_000_000, 1);
        UploadedAttachment uploaded = upload(file);
        FakeAttachmentChannel.Stored stored = server.stored.get(uploaded.id());
        assertArrayEquals(Files.readAllBytes(file), stored.bytes.toByteArray());
        assertTrue(stored.complete);
        assertEquals(FakeAttachmentChannel.sha256(Files.readAllBytes(file)), uploaded.sha256());
        assertEquals(0, uploaded.resumedFrom());
        assertEquals(3_000_000, server.bytesReceived.get(), "each byte once");
        assertTrue(server.mostOnTheWay.get() <= Transfers.WINDOW, "on the way at once: " + server.mostOnTheWay);
        assertTrue(server.mostOnTheWay.get() > 1, "pipelined");
        long[] last = progress.get(progress.size() - 1);
        assertArrayEquals(new long[] { 3_000_000, 3_000_000, 0 }, last);
    }

    @Test
    void uploadResumesFromTheServersOffset() throws Exception {
        Path file = file("part.bin", 1_000_000, 2);
        byte[] content = Files.readAllBytes(file);
        FakeAttachmentChannel.Stored partial = new FakeAttachmentChannel.Stored("partialupload0001", "part.bin",
                content.length, FakeAttachmentChannel.sha256(content));
        partial.bytes.write(content, 0, 400_000);
        server.stored.put(partial.id, partial);

        UploadedAttachment uploaded = upload(file);
        assertEquals("partialupload0001", uploaded.id());
        assertEquals(400_000, uploaded.resumedFrom());
        assertEquals(600_000, server.bytesReceived.get(), "only the rest was sent");
        assertArrayEquals(content, partial.bytes.toByteArray());
    }

    @Test
    void knownContentIsNotSentAgain() throws Exception {
        Path file = file("same.bin", 500_000, 3);
        server.put("other name", Files.readAllBytes(file));
        UploadedAttachment uploaded = upload(file);
        assertEquals(500_000, uploaded.resumedFrom());
        assertEquals(0, server.bytesReceived.get());
    }

    @Test
    void uploadSurvivesALostConnection() throws Exception {
        Path file = file("lost.bin", 2_000_000, 4);
        server.failAfter = 10; // begin and 9 chunks, then the connection "breaks"
        UploadedAttachment uploaded = upload(file);
        assertArrayEquals(Files.readAllBytes(file), server.stored.get(uploaded.id()).bytes.toByteArray());
    }

    @Test
    void manyLostConnectionsWithProgressInBetweenDoNotExhaustTheRetries() throws Exception {
        Path file = file("flaky.bin", 3_000_000, 13);
        server.failEvery = 4; // far more losses than MAX_RETRIES over the whole upload, rarely many in a row
        UploadedAttachment uploaded = upload(file);
        assertArrayEquals(Files.readAllBytes(file), server.stored.get(uploaded.id()).bytes.toByteArray());
        assertTrue(server.requests.get() / 4 > 2 * Transfers.MAX_RETRIES, "about " + server.requests.get() / 4 + " losses");

        server.failEvery = 5;
        Path saved = download(uploaded.id(), temp.resolve("flaky"));
        assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(saved));
    }

    @Test
    void uploadGivesUpWhenTheClientDoesNotComeBack() throws Exception {
        Path file = file("gone.bin", 2_000_000, 5);
        server.failAfter = 5;
        server.reconnects = false;
        assertInstanceOf(ConfabConnectionException.class, failure(() -> upload(file)));
    }

    @Test
    void aCancelledUploadStopsAndLeavesWhatTheServerHas() throws Exception {
        Path file = file("cancel.bin", 4_000_000, 6);
        CompletableFuture<UploadedAttachment> result = new CompletableFuture<>();
        CountDownLatch started = new CountDownLatch(1);
        TransferProgress cancelAtOnce = (done, total, from) -> {
            if (done > 0) {
                result.cancel(false);
                started.countDown();
            }
        };
        new Upload(server, file, "cancel.bin", null, cancelAtOnce, result).run();
        assertTrue(started.await(1, TimeUnit.SECONDS));
        assertTrue(result.isCancelled());
        FakeAttachmentChannel.Stored stored = server.stored.values().iterator().next();
        assertFalse(stored.complete);
        assertTrue(stored.bytes.size() < 4_000_000 && stored.bytes.size() > 0, "stopped after a chunk or so");

        UploadedAttachment resumed = upload(file);
        assertEquals(stored.id, resumed.id());
        assertTrue(resumed.resumedFrom() > 0, "resumed, not restarted");
        assertEquals(4_000_000, server.bytesReceived.get(), "each byte sent once over both attempts");
        assertArrayEquals(Files.readAllBytes(file), stored.bytes.toByteArray());
    }

    @Test
    void downloadVerifiesAndNamesTheFileSafely() throws Exception {
        byte[] content = Files.readAllBytes(file("src.bin", 2_500_000, 7));
        FakeAttachmentChannel.Stored stored = server.put("../../etc/passwd", content);
        Path folder = temp.resolve("downloads");
        Path saved = download(stored.id, folder);
        assertEquals(folder.resolve("passwd"), saved);
        assertArrayEquals(content, Files.readAllBytes(saved));
        assertFalse(Files.exists(Download.partFile(folder, stored.id)), "the part is gone");
        assertTrue(server.mostOnTheWay.get() <= Transfers.WINDOW);
        assertEquals(content.length, server.bytesSent.get());

        Path again = download(stored.id, folder);
        assertEquals(folder.resolve("passwd (1)"), again, "nothing is overwritten");
        assertArrayEquals(content, Files.readAllBytes(again));
    }

    @Test
    void downloadResumesFromThePartFile() throws Exception {
        byte[] content = Files.readAllBytes(file("src.bin", 1_000_000, 8));
        FakeAttachmentChannel.Stored stored = server.put("report.pdf", content);
        Path folder = Files.createDirectories(temp.resolve("in"));
        byte[] half = new byte[300_000];
        System.arraycopy(content, 0, half, 0, half.length);
        Files.write(Download.partFile(folder, stored.id), half);

        Path saved = download(stored.id, folder);
        assertArrayEquals(content, Files.readAllBytes(saved));
        assertEquals(700_000, server.bytesSent.get(), "only the rest was fetched");
        assertEquals(300_000, progress.get(0)[2], "resumed from the part's length");
    }

    @Test
    void aCorruptDownloadFailsAndLeavesNoFile() throws Exception {
        byte[] content = Files.readAllBytes(file("src.bin", 600_000, 9));
        FakeAttachmentChannel.Stored stored = server.put("evil.txt", content);
        server.corruptAt = 123_456;
        Path folder = Files.createDirectories(temp.resolve("in"));
        ConfabException e = assertInstanceOf(ConfabException.class, failure(() -> download(stored.id, folder)));
        assertEquals(ErrorCode.CHECKSUM_MISMATCH, e.code());
        try (var files = Files.list(folder)) {
            assertEquals(0, files.count(), "neither the part nor a final file");
        }
    }

    @Test
    void downloadAdaptsToAServerWithSmallerChunks() throws Exception {
        byte[] content = Files.readAllBytes(file("src.bin", 1_234_567, 10));
        FakeAttachmentChannel.Stored stored = server.put("small-chunks.bin", content);
        server.chunkBytes = 10_000;
        Path saved = download(stored.id, temp.resolve("in"));
        assertArrayEquals(content, Files.readAllBytes(saved));
    }

    @Test
    void downloadSurvivesALostConnection() throws Exception {
        byte[] content = Files.readAllBytes(file("src.bin", 1_500_000, 11));
        FakeAttachmentChannel.Stored stored = server.put("lost.bin", content);
        server.failAfter = 7;
        Path saved = download(stored.id, temp.resolve("in"));
        assertArrayEquals(content, Files.readAllBytes(saved));
    }

    @Test
    void aCancelledDownloadKeepsItsPart() throws Exception {
        byte[] content = Files.readAllBytes(file("src.bin", 3_000_000, 12));
        FakeAttachmentChannel.Stored stored = server.put("big.bin", content);
        Path folder = temp.resolve("in");
        CompletableFuture<Path> result = new CompletableFuture<>();
        new Download(server, stored.id, folder, (done, total, from) -> {
            if (done > 0) {
                result.cancel(false);
            }
        }, result).run();
        assertThrows(CancellationException.class, result::join);
        long kept = Files.size(Download.partFile(folder, stored.id));
        assertTrue(kept > 0 && kept < content.length, "kept " + kept);
        Path saved = download(stored.id, folder);
        assertArrayEquals(content, Files.readAllBytes(saved));
        assertEquals(kept, progress.get(0)[2]);
    }

    @Test
    void idsThatCouldNameAnotherFileAreRefused() {
        for (String bad : List.of("../../../etc/x123456789012", "short", "a/b0123456789abcdef", "x".repeat(65), "")) {
            assertThrows(IllegalArgumentException.class, () -> Download.partFile(temp, bad), bad);
        }
    }
}
