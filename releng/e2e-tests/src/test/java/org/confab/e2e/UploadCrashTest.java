package org.confab.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.confab.protocol.Frame;
import org.confab.protocol.messages.AttachmentMessages;
import org.confab.protocol.messages.AttachmentMessages.Begin;
import org.confab.protocol.messages.AttachmentMessages.BeginOk;
import org.confab.protocol.messages.AttachmentMessages.Chunk;
import org.confab.protocol.messages.AttachmentMessages.ChunkOk;
import org.confab.protocol.messages.AttachmentMessages.Read;
import org.junit.jupiter.api.Test;

/**
 * An upload survives a server killed with SIGKILL half-way: after the restart on the same data
 * directory, {@code attach.begin} of the same file answers with the same id and the offset of the
 * bytes on the server's disk (at least every acknowledged byte), the rest completes the upload, the
 * server's SHA-256 check passes, and the bytes read back are the ones sent.
 */
class UploadCrashTest {
    private static final String PASSWORD = "upload crash password 1";
    private static final int SIZE = 24 << 20;

    @Test
    void embeddedH2() throws Exception {
        killMidUploadAndResume("h2", List.of());
    }

    @Test
    void mysql() throws Exception {
        assumeFalse(Boolean.getBoolean("confab.test.mysql.skip"), "no MySQL on this machine (outside CI only)");
        killMidUploadAndResume("mysql", CrashSafetyTest.mysqlOptions());
    }

    private void killMidUploadAndResume(String name, List<String> databaseOptions) throws Exception {
        Path data = Processes.freshDirectory("upload-crash-" + name);
        byte[] content = new byte[SIZE];
        ThreadLocalRandom.current().nextBytes(content);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        String user = "up" + UUID.randomUUID().toString().substring(0, 8);
        Begin begin = new Begin("crash.bin", SIZE, sha256, null);

        ServerProcess server = ServerProcess.start(data, Map.of(), databaseOptions.toArray(String[]::new));
        String id;
        long acknowledged;
        try (RawClient client = new RawClient(server)) {
            client.register(user, PASSWORD);
            client.login(user, PASSWORD);
            BeginOk begun = client.body(client.request(AttachmentMessages.BEGIN, begin), BeginOk.class);
            id = begun.id();
            acknowledged = send(client, id, content, 0, SIZE / 3, begun.chunkBytes());
        }
        server.kill();
        server = ServerProcess.start(data, Map.of(), CrashSafetyTest.restartOptions(server.port, databaseOptions));
        try (RawClient client = new RawClient(server)) {
            client.login(user, PASSWORD);
            BeginOk resumed = client.body(client.request(AttachmentMessages.BEGIN, begin), BeginOk.class);
            assertEquals(id, resumed.id(), "the same upload after the restart");
            assertFalse(resumed.complete());
            assertTrue(resumed.offset() >= acknowledged && resumed.offset() < SIZE,
                    "resumes at the bytes on disk: " + resumed.offset() + ", acknowledged " + acknowledged);
            long end = send(client, id, content, resumed.offset(), SIZE, resumed.chunkBytes());
            assertEquals(SIZE, end);
            byte[] read = new byte[SIZE];
            for (int offset = 0; offset < SIZE;) {
                Frame answer = client.request(AttachmentMessages.READ, new Read(id, offset, null));
                assertEquals("attach.read.ok", answer.type(), answer.toString());
                System.arraycopy(answer.data(), 0, read, offset, answer.data().length);
                offset += answer.data().length;
            }
            assertArrayEquals(content, read, "the bytes read back are the ones sent");
            System.out.printf("upload crash %s: killed after %d of %d bytes acknowledged; resumed at offset %d%n", name,
                    acknowledged, SIZE, resumed.offset());
        } finally {
            server.close();
        }
    }

    /** Sends chunks from {@code offset} to {@code end}; returns the offset the server acknowledged last. */
    private static long send(RawClient client, String id, byte[] content, long offset, int end, int chunkBytes) throws Exception {
        long stored = offset;
        while (stored < end) {
            int length = (int) Math.min(chunkBytes, end - stored);
            Frame answer = client.requestWithData(AttachmentMessages.CHUNK, new Chunk(id, stored),
                    Arrays.copyOfRange(content, (int) stored, (int) stored + length));
            assertEquals("attach.chunk.ok", answer.type(), answer.toString());
            ChunkOk ok = client.body(answer, ChunkOk.class);
            stored = ok.offset();
            if (stored == SIZE) {
                assertTrue(ok.complete(), "the last chunk completes the upload: the checksum matched");
            }
        }
        return stored;
    }
}
