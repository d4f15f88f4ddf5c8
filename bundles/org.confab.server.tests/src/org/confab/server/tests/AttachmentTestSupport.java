package org.confab.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Dictionary;
import java.util.HexFormat;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

import org.confab.protocol.Frame;
import org.confab.protocol.Protocol;
import org.confab.protocol.messages.AttachmentMessages;
import org.confab.protocol.messages.AttachmentMessages.Begin;
import org.confab.protocol.messages.AttachmentMessages.BeginOk;
import org.confab.protocol.messages.AttachmentMessages.Chunk;
import org.confab.protocol.messages.AttachmentMessages.ChunkOk;
import org.confab.protocol.messages.AttachmentMessages.Read;
import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.Messages.Hello;
import org.confab.server.api.AttachmentService;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** Uploads and downloads over the raw protocol, as a client library would do them, and the configuration of the attachment store. */
abstract class AttachmentTestSupport extends AdminTestSupport {
    static final String PID = "org.confab.server.attachments";
    static final int WINDOW = AttachmentMessages.MAX_PIPELINE;

    static AttachmentService attachments() throws InterruptedException {
        return Services.await(AttachmentService.class, 60_000);
    }

    static byte[] random(int size) {
        byte[] bytes = new byte[size];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** Logged in over protocol version 2 with the given client capabilities (file pushes need {@code file}). */
    static TestClient loggedInWith(String username, String... capabilities) throws Exception {
        TestClient client = new TestClient(server());
        Frame ok = client.request(MessageTypes.HELLO, new Hello(Protocol.VERSION, "attachment-tests", List.of(capabilities)));
        assertEquals("hello.ok", ok.type(), ok.toString());
        Frame login = client.login(username, PASSWORD);
        assertEquals("auth.finish.ok", login.type(), login.toString());
        return client;
    }

    static Frame begin(TestClient client, String name, byte[] content) throws Exception {
        return client.request(AttachmentMessages.BEGIN, new Begin(name, content.length, sha256(content), "application/octet-stream"));
    }

    static BeginOk beginOk(TestClient client, String name, byte[] content) throws Exception {
        Frame answer = begin(client, name, content);
        assertEquals("attach.begin.ok", answer.type(), answer.toString());
        return client.body(answer, BeginOk.class);
    }

    /**
     * Sends {@code content} from {@code offset} up to {@code end} in chunks of {@code chunkBytes}, with up to
     * {@link #WINDOW} chunks in flight; returns the last answer.
     */
    static ChunkOk send(TestClient client, String id, byte[] content, long offset, int end, int chunkBytes) throws Exception {
        Deque<Long> inFlight = new ArrayDeque<>();
        ChunkOk last = null;
        long next = offset;
        while (next < end || !inFlight.isEmpty()) {
            while (next < end && inFlight.size() < WINDOW) {
                int length = (int) Math.min(chunkBytes, end - next);
                inFlight.add(client.sendRequestWithData(AttachmentMessages.CHUNK, new Chunk(id, next),
                        Arrays.copyOfRange(content, (int) next, (int) next + length)));
                next += length;
            }
            Frame answer = client.response(inFlight.poll());
            assertEquals("attach.chunk.ok", answer.type(), answer.toString());
            last = client.body(answer, ChunkOk.class);
        }
        return last;
    }

    /** A whole upload; returns the attachment id. */
    static String upload(TestClient client, String name, byte[] content) throws Exception {
        BeginOk begun = beginOk(client, name, content);
        if (!begun.complete()) {
            ChunkOk last = send(client, begun.id(), content, begun.offset(), content.length, begun.chunkBytes());
            assertTrue(last.complete(), "the last chunk completes the upload");
            assertEquals(content.length, last.offset());
        }
        return begun.id();
    }

    /** Reads a complete attachment with pipelined reads. */
    static byte[] download(TestClient client, String id, int size, int chunkBytes) throws Exception {
        byte[] bytes = new byte[size];
        Deque<Long> inFlight = new ArrayDeque<>();
        long next = 0;
        int received = 0;
        while (next < size || !inFlight.isEmpty()) {
            while (next < size && inFlight.size() < WINDOW) {
                inFlight.add(client.sendRequest(AttachmentMessages.READ, new Read(id, next, (long) chunkBytes)));
                next += chunkBytes;
            }
            Frame answer = client.response(inFlight.poll());
            assertEquals("attach.read.ok", answer.type(), answer.toString());
            int offset = answer.body().get("offset").intValue();
            System.arraycopy(answer.data(), 0, bytes, offset, answer.data().length);
            received += answer.data().length;
        }
        assertEquals(size, received);
        return bytes;
    }

    /** Changes the attachment store's configuration; the component takes it over asynchronously. */
    static void configure(Map<String, Object> values) throws Exception {
        Configuration configuration = Services.await(ConfigurationAdmin.class, 30_000).getConfiguration(PID, null);
        Dictionary<String, Object> properties = new Hashtable<>();
        values.forEach(properties::put);
        configuration.update(properties);
    }

    /** Back to the defaults (the configuration is then empty). */
    static void restoreDefaults() throws Exception {
        configure(Map.of("expiryCheckSeconds", 600));
    }

    static void eventually(String what, BooleanSupplier condition) throws Exception {
        long deadline = System.currentTimeMillis() + 15_000;
        while (!condition.getAsBoolean()) {
            assertTrue(System.currentTimeMillis() < deadline, "not within 15 s: " + what);
            Thread.sleep(50);
        }
    }

    interface Check {
        boolean test() throws Exception;
    }

    static BooleanSupplier quietly(Check check) {
        return () -> {
            try {
                return check.test();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        };
    }
}
