package org.confab.client.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.confab.protocol.ErrorCode;
import org.confab.protocol.Frame;
import org.confab.protocol.messages.MessageKinds;
import org.confab.protocol.messages.Messages.ChatMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@link ConfabClient#attachments()} and {@link ConfabClient#files()} over a real socket: chunks travel
 * as binary frames, a connection lost mid-upload is resumed from the server's offset after the client
 * reconnects by itself, and the file.* requests read the plugin's answers.
 */
class AttachmentClientTest extends ClientTestSupport {
    private static final int CHUNK = 128 << 10;
    private static final String ID = "attachmentid0000001";

    @TempDir
    Path temp;

    private final ByteArrayOutputStream stored = new ByteArrayOutputStream();
    private final Map<String, String> meta = new ConcurrentHashMap<>();
    private final AtomicInteger chunks = new AtomicInteger();
    /** Closes the connection when this many chunks have arrived (0: never). */
    private volatile int dropAtChunk;

    @Override
    void configureServer() {
        server.capabilities = List.of("attach", "file");
        server.pluginHandlers.put("attach.begin", (session, request) -> {
            synchronized (stored) {
                meta.put("name", request.body().get("name").asText());
                meta.put("sha256", request.body().get("sha256").asText());
                meta.put("size", request.body().get("size").asText());
                session.answer(request, object().put("id", ID).put("offset", stored.size()).put("complete", false)
                        .put("chunkBytes", CHUNK));
            }
        });
        server.pluginHandlers.put("attach.chunk", (session, request) -> {
            synchronized (stored) {
                if (request.body().get("offset").asLong() != stored.size()) {
                    session.error(request, ErrorCode.CONFLICT, "expected offset " + stored.size());
                    return;
                }
                stored.writeBytes(request.data());
                boolean complete = stored.size() == Long.parseLong(meta.get("size"));
                if (chunks.incrementAndGet() == dropAtChunk) {
                    session.close(); // stored, but the answer never leaves: like a crash after the write
                    return;
                }
                session.answer(request, object().put("id", ID).put("offset", stored.size()).put("complete", complete));
            }
        });
        server.pluginHandlers.put("attach.info", (session, request) -> session.answer(request,
                object().put("id", ID).put("name", meta.get("name")).put("size", stored.size())
                        .put("sha256", meta.get("sha256")).put("owner", "alice").put("offset", stored.size())
                        .put("complete", true)));
        server.pluginHandlers.put("attach.read", (session, request) -> {
            int offset = request.body().get("offset").asInt();
            byte[] all = stored.toByteArray();
            int length = Math.min(Math.min(request.body().get("length").asInt(), CHUNK), all.length - offset);
            byte[] data = new byte[length];
            System.arraycopy(all, offset, data, 0, length);
            session.answer(request, object().put("id", ID).put("offset", offset), data);
        });
        server.pluginHandlers.put("file.offers", (session, request) -> session.answer(request,
                object().set("offers", JsonNodeFactory.instance.arrayNode().add(object().put("id", ID).put("messageId", 7)
                        .put("from", "bob").put("name", "plan.pdf").put("size", 1234).put("sha256", "ab".repeat(32))
                        .put("state", "offered").put("offered", "2026-12-03T10:00:00Z")))));
        server.pluginHandlers.put("file.decline", (session, request) -> session.answer(request, object()));
    }

    private static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    private Path randomFile(String name, int size) throws Exception {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return Files.write(temp.resolve(name), bytes);
    }

    @Test
    void aFileGoesUpInBinaryChunksAndComesBackVerifiedUnderASafeName() throws Exception {
        connectAndLogin();
        Path file = randomFile("data.bin", 3 * CHUNK + 17);
        UploadedAttachment uploaded = client.attachments().upload(file, "../../etc/data.bin", "application/x-test",
                TransferProgress.NONE).get(10, TimeUnit.SECONDS);

        assertEquals(ID, uploaded.id());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))),
                uploaded.sha256());
        assertArrayEquals(Files.readAllBytes(file), stored.toByteArray());
        Frame firstChunk = server.awaitRequest("attach.chunk");
        assertEquals(CHUNK, firstChunk.dataLength(), "the server's chunk size, as binary data");

        Path folder = temp.resolve("received");
        Path saved = client.attachments().download(ID, folder, TransferProgress.NONE).get(10, TimeUnit.SECONDS);
        assertEquals(folder.resolve("data.bin"), saved);
        assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(saved));
    }

    @Test
    void anUploadCutOffByALostConnectionResumesAfterTheClientReconnects() throws Exception {
        connectAndLogin();
        Path file = randomFile("big.bin", 20 * CHUNK);
        dropAtChunk = 5;
        UploadedAttachment uploaded = client.attachments().upload(file, "application/octet-stream",
                TransferProgress.NONE).get(20, TimeUnit.SECONDS);

        assertArrayEquals(Files.readAllBytes(file), stored.toByteArray());
        assertEquals(0, uploaded.resumedFrom(), "this upload began at 0");
        assertTrue(chunks.get() < 20 + 8, "at most a window was sent twice: " + chunks.get());
        assertTrue(server.acceptsMoreThanWithin(1, 1000), "it reconnected");
    }

    @Test
    void offersAreReadAndAFileOfferIsAMessageOfKindFile() throws Exception {
        connectAndLogin();
        List<FileOffer> offers = await(client.files().offers());
        assertEquals(1, offers.size());
        FileOffer offer = offers.get(0);
        assertEquals(new FileOffer(ID, 7, "bob", "plan.pdf", 1234, "ab".repeat(32), null, "offered",
                "2026-12-03T10:00:00Z"), offer);
        await(client.files().decline(ID));
        assertEquals(ID, server.awaitRequest("file.decline").body().get("id").asText());

        UploadedAttachment file = new UploadedAttachment(ID, "plan.pdf", 1234, "cd".repeat(32), "application/pdf", 0);
        await(client.files().offer("bob", file));
        ChatMessage sent = server.storedMessages.get(server.storedMessages.size() - 1);
        assertEquals(MessageKinds.FILE, sent.kind());
        assertEquals("plan.pdf", sent.text());
        assertEquals("cd".repeat(32), sent.meta().get("sha256").asText());
        assertEquals(List.of(file.reference()), sent.attachments());
    }

    @Test
    void withoutLoginATransferFailsAtOnce() throws Exception {
        await(client.connect());
        Path file = randomFile("x.bin", 10);
        assertInstanceOf(ConfabConnectionException.class,
                failure(client.attachments().upload(file, null, TransferProgress.NONE)));
    }
}
