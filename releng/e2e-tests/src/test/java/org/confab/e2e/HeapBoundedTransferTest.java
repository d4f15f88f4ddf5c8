package org.confab.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;

import org.confab.protocol.Frame;
import org.confab.protocol.messages.AttachmentMessages;
import org.confab.protocol.messages.AttachmentMessages.Begin;
import org.confab.protocol.messages.AttachmentMessages.BeginOk;
import org.confab.protocol.messages.AttachmentMessages.Chunk;
import org.confab.protocol.messages.AttachmentMessages.ChunkOk;
import org.confab.protocol.messages.AttachmentMessages.Read;
import org.junit.jupiter.api.Test;

/**
 * The server's memory stays bounded by the chunk size whatever the file's size: the server product runs
 * with a 128 MiB heap and takes an upload of five times that, then serves it back, and the SHA-256 of
 * what comes back is the SHA-256 of what was sent. The test generates the file block by block from a
 * seed, so it holds no more of it than the server does.
 */
class HeapBoundedTransferTest {
    private static final String PASSWORD = "heap bound password 1";
    private static final int HEAP_MIB = 128;
    private static final int BLOCK = 256 << 10;
    private static final int BLOCKS = 5 * HEAP_MIB * 4; // 5 x 128 MiB in 256 KiB blocks
    private static final long SIZE = (long) BLOCKS * BLOCK;

    @Test
    void aFileFiveTimesTheServersHeapGoesUpAndComesBackIntact() throws Exception {
        Path data = Processes.freshDirectory("heap-bound");
        long seed = System.nanoTime();
        MessageDigest sent = MessageDigest.getInstance("SHA-256");
        for (int i = 0; i < BLOCKS; i++) {
            sent.update(block(seed, i));
        }
        byte[] sentHash = sent.digest();
        ServerProcess server = ServerProcess.start(data, Map.of("CONFAB_JAVA_OPTS", "-Xmx" + HEAP_MIB + "m"));
        try (RawClient client = new RawClient(server)) {
            String user = "heap" + Long.toString(seed & 0xffffff, 36);
            client.register(user, PASSWORD);
            client.login(user, PASSWORD);
            long started = System.nanoTime();
            BeginOk begun = client.body(client.request(AttachmentMessages.BEGIN,
                    new Begin("big.bin", SIZE, HexFormat.of().formatHex(sentHash), null)), BeginOk.class);
            assertEquals(BLOCK, begun.chunkBytes(), "the default chunk size");
            ChunkOk last = null;
            for (int i = 0; i < BLOCKS; i++) {
                Frame answer = client.requestWithData(AttachmentMessages.CHUNK, new Chunk(begun.id(), (long) i * BLOCK), block(seed, i));
                assertEquals("attach.chunk.ok", answer.type(), answer.toString());
                last = client.body(answer, ChunkOk.class);
            }
            assertTrue(last.complete(), "the server's SHA-256 check passed");
            double upSeconds = (System.nanoTime() - started) / 1e9;

            started = System.nanoTime();
            MessageDigest received = MessageDigest.getInstance("SHA-256");
            for (long offset = 0; offset < SIZE;) {
                Frame answer = client.request(AttachmentMessages.READ, new Read(begun.id(), offset, null));
                assertEquals("attach.read.ok", answer.type(), answer.toString());
                received.update(answer.data());
                offset += answer.data().length;
            }
            assertArrayEquals(sentHash, received.digest(), "the bytes that came back are the bytes sent");
            double downSeconds = (System.nanoTime() - started) / 1e9;
            assertFalse(server.log().contains("OutOfMemoryError"), server.log());
            System.out.printf("heap-bounded transfer: %d MiB through a server with a %d MiB heap, up %.1f MB/s, down %.1f MB/s"
                    + " (one request at a time, TLS)%n", SIZE >> 20, HEAP_MIB, SIZE / 1e6 / upSeconds, SIZE / 1e6 / downSeconds);
        } finally {
            server.close();
        }
    }

    private static byte[] block(long seed, int index) {
        byte[] bytes = new byte[BLOCK];
        new Random(seed * 31 + index).nextBytes(bytes);
        return bytes;
    }
}
