package org.confab.client.core.internal;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.confab.client.core.ConfabConnectionException;
import org.confab.client.core.ConfabException;
import org.confab.protocol.ErrorCode;
import org.confab.protocol.Frame;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The attachment requests of docs/protocol.md as a server answers them, in memory: one thread answers
 * requests in the order they came, like a connection's handler. Counts what travelled, the most
 * requests on the way at once, and can lose "the connection" after a number of requests.
 */
final class FakeAttachmentChannel implements AttachmentChannel, AutoCloseable {
    static final class Stored {
        final String id;
        final String name;
        final long size;
        final String sha256;
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean complete;

        Stored(String id, String name, long size, String sha256) {
            this.id = id;
            this.name = name;
            this.size = size;
            this.sha256 = sha256;
        }
    }

    final Map<String, Stored> stored = new ConcurrentHashMap<>();
    final AtomicLong bytesReceived = new AtomicLong();
    final AtomicLong bytesSent = new AtomicLong();
    final AtomicInteger onTheWay = new AtomicInteger();
    final AtomicInteger mostOnTheWay = new AtomicInteger();
    final AtomicInteger requests = new AtomicInteger();
    volatile int chunkBytes = 64 << 10;
    /** After this many more requests every request fails as if the connection were lost (-1: never). */
    volatile int failAfter = -1;
    /**
     * One request in this many (at random, from a fixed seed) fails as if the connection were lost (0:
     * never). Random rather than every n-th, which can line up with a transfer's own rhythm forever.
     */
    volatile int failEvery;
    private final java.util.Random failures = new java.util.Random(42);
    /** Whether the client "logs in again" when a transfer waits for it. */
    volatile boolean reconnects = true;
    /** Flips a byte of every download answer at this offset, like a corrupt store (-1: never). */
    volatile long corruptAt = -1;
    private final ExecutorService server = Executors.newSingleThreadExecutor();
    private final AtomicInteger nextId = new AtomicInteger();

    @Override
    public CompletableFuture<Frame> request(String type, ObjectNode body, byte[] data) {
        requests.incrementAndGet();
        if (failEvery > 0 && failures.nextInt(failEvery) == 0) {
            return CompletableFuture.failedFuture(new ConfabConnectionException("connection lost (test)"));
        }
        int left = failAfter;
        if (left == 0) {
            return CompletableFuture.failedFuture(new ConfabConnectionException("connection lost (test)"));
        }
        if (left > 0) {
            failAfter = left - 1;
        }
        mostOnTheWay.accumulateAndGet(onTheWay.incrementAndGet(), Math::max);
        CompletableFuture<Frame> answer = new CompletableFuture<>();
        server.execute(() -> {
            onTheWay.decrementAndGet();
            try {
                answer.complete(answer(type, body, data));
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        return answer;
    }

    @Override
    public boolean awaitLoggedIn() {
        if (reconnects) {
            failAfter = -1;
        }
        return reconnects;
    }

    @Override
    public int maxFrameBytes() {
        return 1 << 20;
    }

    /** Puts a complete attachment in the store, as another user's upload would. */
    Stored put(String name, byte[] content) {
        Stored file = new Stored(newId(), name, content.length, sha256(content));
        file.bytes.writeBytes(content);
        file.complete = true;
        stored.put(file.id, file);
        return file;
    }

    static String sha256(byte[] content) {
        return HexFormat.of().formatHex(Sha256.digest().digest(content));
    }

    private String newId() {
        return "fakeattachment" + String.format("%04d", nextId.incrementAndGet());
    }

    private Frame answer(String type, ObjectNode body, byte[] data) {
        return switch (type) {
        case "attach.begin" -> begin(body);
        case "attach.chunk" -> chunk(body, data);
        case "attach.info" -> info(body);
        case "attach.read" -> read(body);
        default -> throw new ConfabException(ErrorCode.UNKNOWN_TYPE, type);
        };
    }

    private Frame begin(ObjectNode body) {
        String sha = body.get("sha256").asText();
        long size = body.get("size").asLong();
        Stored file = stored.values().stream().filter(s -> s.sha256.equals(sha) && s.size == size)
                .findFirst().orElse(null);
        if (file == null) {
            file = new Stored(newId(), body.get("name").asText(), size, sha);
            stored.put(file.id, file);
        }
        return ok("attach.begin", object().put("id", file.id).put("offset", file.bytes.size())
                .put("complete", file.complete).put("chunkBytes", chunkBytes));
    }

    private Frame chunk(ObjectNode body, byte[] data) {
        Stored file = find(body);
        long offset = body.get("offset").asLong();
        if (offset != file.bytes.size()) {
            ConfabException conflict = new ConfabException(ErrorCode.CONFLICT,
                    "expected offset " + file.bytes.size() + ", got " + offset);
            throw conflict;
        }
        if (data == null || data.length == 0 || data.length > chunkBytes || offset + data.length > file.size) {
            throw new ConfabException(ErrorCode.BAD_REQUEST, "bad chunk");
        }
        file.bytes.writeBytes(data);
        bytesReceived.addAndGet(data.length);
        if (file.bytes.size() == file.size) {
            if (!sha256(file.bytes.toByteArray()).equals(file.sha256)) {
                file.bytes.reset();
                throw new ConfabException(ErrorCode.CHECKSUM_MISMATCH, "checksum mismatch");
            }
            file.complete = true;
        }
        return ok("attach.chunk", object().put("id", file.id).put("offset", file.bytes.size()).put("complete", file.complete));
    }

    private Frame info(ObjectNode body) {
        Stored file = find(body);
        return ok("attach.info", object().put("id", file.id).put("name", file.name).put("size", file.size)
                .put("sha256", file.sha256).put("owner", "alice").put("offset", file.bytes.size())
                .put("complete", file.complete).put("created", "2026-01-01T00:00:00Z"));
    }

    private Frame read(ObjectNode body) {
        Stored file = find(body);
        long offset = body.get("offset").asLong();
        int length = (int) Math.min(Math.min(body.path("length").asLong(chunkBytes), chunkBytes), file.size - offset);
        byte[] content = file.bytes.toByteArray();
        byte[] data = new byte[length];
        System.arraycopy(content, (int) offset, data, 0, length);
        if (corruptAt >= offset && corruptAt < offset + length) {
            data[(int) (corruptAt - offset)] ^= 1;
        }
        bytesSent.addAndGet(length);
        return ok("attach.read", object().put("id", file.id).put("offset", offset)).withData(data);
    }

    private Stored find(ObjectNode body) {
        Stored file = stored.get(body.path("id").asText());
        if (file == null) {
            throw new ConfabException(ErrorCode.NOT_FOUND, "no such attachment");
        }
        return file;
    }

    private static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    private static Frame ok(String type, ObjectNode body) {
        return new Frame(type + ".ok", 1, body);
    }

    @Override
    public void close() {
        server.shutdownNow();
    }

    static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }
}
