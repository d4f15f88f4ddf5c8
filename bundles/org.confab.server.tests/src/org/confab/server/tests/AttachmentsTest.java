package org.confab.server.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.io.ByteArrayInputStream;

import org.confab.protocol.Frame;
import org.confab.protocol.messages.AttachmentMessages;
import org.confab.protocol.messages.AttachmentMessages.Begin;
import org.confab.protocol.messages.AttachmentMessages.BeginOk;
import org.confab.protocol.messages.AttachmentMessages.Chunk;
import org.confab.protocol.messages.AttachmentMessages.ChunkOk;
import org.confab.protocol.messages.AttachmentMessages.Info;
import org.confab.protocol.messages.AttachmentMessages.Read;
import org.confab.protocol.messages.AttachmentMessages.Ref;
import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.Messages.Attachment;
import org.confab.protocol.messages.Messages.ChatMessage;
import org.confab.protocol.messages.Messages.ChatSend;
import org.confab.server.api.AttachmentInfo;
import org.confab.server.api.AttachmentRef;
import org.confab.server.api.MessageContent;
import org.confab.server.api.MessageService;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * Attachments end to end on the real server, over real sockets, on H2 and on MySQL: uploads in
 * pipelined binary chunks, resume, deduplication, the checksum, access only through a message that
 * shares the file (granted before the recipient sees the message), reads, deletion.
 */
class AttachmentsTest extends AttachmentTestSupport {

    @Test
    void anUploadIsReadableByItsOwnerAndByTheRecipientOfAMessageThatSharesIt() throws Exception {
        String alice = register("alice");
        String bob = register("bob");
        byte[] content = random(600_000);
        try (TestClient a = loggedIn(alice); TestClient b = loggedIn(bob)) {
            BeginOk begun = beginOk(a, "report.pdf", content);
            assertFalse(begun.complete());
            assertEquals(0, begun.offset());
            assertEquals(256 * 1024, begun.chunkBytes(), "the default chunk size");
            assertTrue(AttachmentMessages.isValidId(begun.id()), begun.id());
            ChunkOk last = send(a, begun.id(), content, 0, content.length, begun.chunkBytes());
            assertTrue(last.complete());

            Info info = a.body(a.request(AttachmentMessages.INFO, new Ref(begun.id())), Info.class);
            assertEquals("report.pdf", info.name());
            assertEquals(sha256(content), info.sha256());
            assertEquals(alice, info.owner());
            assertTrue(info.complete());
            assertEquals(content.length, info.offset());
            assertEquals("NOT_FOUND", errorCode(b, b.request(AttachmentMessages.INFO, new Ref(begun.id()))),
                    "nobody shared it with bob yet");

            a.request(MessageTypes.CHAT_SEND, new ChatSend(bob, clientId(), "report.pdf", "file", null,
                    List.of(new Attachment(begun.id(), "report.pdf", content.length, null))));
            ChatMessage offer = b.body(b.await(MessageTypes.CHAT_MESSAGE), ChatMessage.class);
            assertEquals(begun.id(), offer.attachments().get(0).id());
            // at the push, the share exists already
            assertEquals("attach.info.ok", b.request(AttachmentMessages.INFO, new Ref(begun.id())).type());
            assertArrayEquals(content, download(b, begun.id(), content.length, begun.chunkBytes()));
            assertArrayEquals(content, download(a, begun.id(), content.length, 100_000), "in smaller reads too");
        }
    }

    @Test
    void aReadAtTheEndIsEmptyAndReadsAreRefusedToOthersAndForUnfinishedUploads() throws Exception {
        String alice = register("alice");
        String carol = register("carol");
        byte[] content = random(5000);
        try (TestClient a = loggedIn(alice); TestClient c = loggedIn(carol)) {
            String id = upload(a, "a.bin", content);
            Frame end = a.request(AttachmentMessages.READ, new Read(id, content.length, null));
            assertEquals("attach.read.ok", end.type());
            assertEquals(0, end.data().length);
            Frame tail = a.request(AttachmentMessages.READ, new Read(id, 4000, 50_000L));
            assertArrayEquals(Arrays.copyOfRange(content, 4000, 5000), tail.data(), "fewer bytes only at the end");

            for (String type : List.of(AttachmentMessages.INFO, AttachmentMessages.DELETE)) {
                assertEquals("NOT_FOUND", errorCode(c, c.request(type, new Ref(id))), type);
            }
            assertEquals("NOT_FOUND", errorCode(c, c.request(AttachmentMessages.READ, new Read(id, 0, null))));
            assertEquals("NOT_FOUND", errorCode(c, c.request(AttachmentMessages.INFO, new Ref("x".repeat(20)))),
                    "an unknown id gets the same answer");

            BeginOk unfinished = beginOk(a, "b.bin", random(1000));
            assertEquals("NOT_FOUND", errorCode(a, a.request(AttachmentMessages.READ, new Read(unfinished.id(), 0, null))));
            Info info = a.body(a.request(AttachmentMessages.INFO, new Ref(unfinished.id())), Info.class);
            assertFalse(info.complete());
            assertEquals(0, info.offset());
        }
    }

    @Test
    void anUploadResumesFromTheStoredBytesAfterTheClientReconnects() throws Exception {
        String alice = register("alice");
        byte[] content = random(700_000);
        String id;
        try (TestClient a = loggedIn(alice)) {
            BeginOk begun = beginOk(a, "big.iso", content);
            id = begun.id();
            send(a, id, content, 0, 300_000, 100_000);
        } // the client goes away half-way
        try (TestClient a = loggedIn(alice)) {
            BeginOk resumed = beginOk(a, "big.iso", content);
            assertEquals(id, resumed.id(), "the same upload");
            assertEquals(300_000, resumed.offset(), "from the bytes on the server's disk, not from zero");
            ChunkOk last = send(a, id, content, resumed.offset(), content.length, resumed.chunkBytes());
            assertTrue(last.complete());
            assertArrayEquals(content, download(a, id, content.length, resumed.chunkBytes()));
        }
    }

    @Test
    void anUploadResumesAfterTheAttachmentStoreRestartedAndRehashesThePrefix() throws Exception {
        String alice = register("alice");
        byte[] content = random(500_000);
        String id;
        try (TestClient a = loggedIn(alice)) {
            id = beginOk(a, "restart.bin", content).id();
            send(a, id, content, 0, 262_144, 262_144);
        }
        Bundle bundle = Arrays.stream(FrameworkUtil.getBundle(getClass()).getBundleContext().getBundles())
                .filter(b -> b.getSymbolicName().equals("org.confab.server.attachments")).findFirst().orElseThrow();
        bundle.stop(); // the running hash in memory is gone, as after a crash
        bundle.start();
        try (TestClient a = loggedIn(alice)) {
            eventually("the attachment handlers are back", quietly(() -> "attach.begin.ok".equals(begin(a, "restart.bin", content).type())));
            BeginOk resumed = beginOk(a, "restart.bin", content);
            assertEquals(id, resumed.id());
            assertEquals(262_144, resumed.offset());
            assertTrue(send(a, id, content, resumed.offset(), content.length, resumed.chunkBytes()).complete(),
                    "the checksum over the rehashed prefix and the new bytes matches");
        }
    }

    @Test
    void identicalContentIsStoredOnceAndASecondUploadCompletesAtOnce() throws Exception {
        String alice = register("alice");
        String bob = register("bob");
        byte[] content = random(300_000);
        try (TestClient a = loggedIn(alice); TestClient b = loggedIn(bob)) {
            String first = upload(a, "one.bin", content);
            BeginOk second = beginOk(b, "two.bin", content);
            assertTrue(second.complete(), "nothing to send");
            assertEquals(content.length, second.offset());
            assertNotEquals(first, second.id(), "an attachment of bob's own");
            assertArrayEquals(content, download(b, second.id(), content.length, second.chunkBytes()));
            assertEquals("attach.delete.ok", a.request(AttachmentMessages.DELETE, new Ref(first)).type());
            assertArrayEquals(content, download(b, second.id(), content.length, second.chunkBytes()),
                    "the content stays while an attachment uses it");
        }
    }

    @Test
    void aChecksumMismatchDiscardsTheBytesAndAWrongOffsetIsAConflictThatSaysWhereToContinue() throws Exception {
        String alice = register("alice");
        byte[] content = random(200_000);
        byte[] declared = random(200_000);
        try (TestClient a = loggedIn(alice)) {
            Frame begun = a.request(AttachmentMessages.BEGIN, new Begin("liar.bin", content.length, sha256(declared), null));
            String id = a.body(begun, BeginOk.class).id();
            send(a, id, content, 0, 100_000, 50_000);
            Frame conflict = a.requestWithData(AttachmentMessages.CHUNK, new Chunk(id, 50_000), new byte[10]);
            assertEquals("CONFLICT", errorCode(a, conflict));
            assertEquals(100_000, conflict.body().get("offset").longValue());
            assertEquals("BAD_REQUEST", errorCode(a, a.request(AttachmentMessages.CHUNK, new Chunk(id, 100_000))),
                    "a chunk without data");
            Frame tooLong = a.requestWithData(AttachmentMessages.CHUNK, new Chunk(id, 100_000), new byte[100_001]);
            assertEquals("BAD_REQUEST", errorCode(a, tooLong), "past the declared size");

            Frame last = a.requestWithData(AttachmentMessages.CHUNK, new Chunk(id, 100_000), Arrays.copyOfRange(content, 100_000, 200_000));
            assertEquals("CHECKSUM_MISMATCH", errorCode(a, last));
            Frame again = a.request(AttachmentMessages.BEGIN, new Begin("liar.bin", content.length, sha256(declared), null));
            assertEquals(id, a.body(again, BeginOk.class).id());
            assertEquals(0, a.body(again, BeginOk.class).offset(), "the bytes were discarded");
            assertEquals("NOT_FOUND", errorCode(a, a.request(AttachmentMessages.READ, new Read(id, 0, null))));
        }
    }

    @Test
    void anEmptyFileIsCompleteAtBeginAndReadsAsNothing() throws Exception {
        String alice = register("alice");
        try (TestClient a = loggedIn(alice)) {
            BeginOk empty = beginOk(a, "empty.txt", new byte[0]);
            assertTrue(empty.complete());
            assertEquals(0, empty.offset());
            Frame read = a.request(AttachmentMessages.READ, new Read(empty.id(), 0, null));
            assertEquals(0, read.data().length);
        }
    }

    @Test
    void storedFilesAreOwnerOnlyOnDisk() throws Exception {
        String alice = register("alice");
        byte[] content = random(1000);
        try (TestClient a = loggedIn(alice)) {
            upload(a, "private.txt", content);
        }
        Path root = Path.of(System.getProperty("confab.data")).toAbsolutePath().resolve("attachments");
        Path stored = root.resolve("content").resolve(sha256(content).substring(0, 2)).resolve(sha256(content));
        assertTrue(Files.isRegularFile(stored), stored.toString());
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE), Files.getPosixFilePermissions(stored));
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE),
                Files.getPosixFilePermissions(root));
        assertArrayEquals(content, Files.readAllBytes(stored));
    }

    @Test
    void badRequestsAreRefusedWithBadRequest() throws Exception {
        String alice = register("alice");
        try (TestClient a = loggedIn(alice)) {
            assertEquals("BAD_REQUEST", errorCode(a, a.request(AttachmentMessages.BEGIN,
                    java.util.Map.of("name", "x", "size", 1, "sha256", "ABC"))));
            assertEquals("BAD_REQUEST", errorCode(a, a.request(AttachmentMessages.BEGIN,
                    java.util.Map.of("name", "  ", "size", 1, "sha256", "0".repeat(64)))));
            assertEquals("BAD_REQUEST", errorCode(a, a.request(AttachmentMessages.BEGIN,
                    java.util.Map.of("name", "x".repeat(256), "size", 1, "sha256", "0".repeat(64)))));
            assertEquals("BAD_REQUEST", errorCode(a, a.request(AttachmentMessages.INFO, java.util.Map.of("id", "../../etc/passwd"))));
        }
    }

    @Test
    void serverSideProducersStoreThroughTheServiceAndAPostedMessageSharesTheFile() throws Exception {
        String alice = register("alice");
        String erin = register("erin");
        byte[] content = random(150_000);
        AttachmentInfo stored = attachments().store(alice, "screenshot.png", "image/png", new ByteArrayInputStream(content));
        assertTrue(stored.complete());
        assertEquals(sha256(content), stored.sha256());
        assertEquals(content.length, stored.size());
        try (InputStream in = attachments().open(stored.id(), alice)) {
            assertArrayEquals(content, in.readAllBytes());
        }
        assertFalse(attachments().canRead(stored.id(), erin));
        Services.await(MessageService.class, 60_000).post(alice, erin, new MessageContent("file", "screenshot.png", null,
                List.of(new AttachmentRef(stored.id(), "screenshot.png", content.length, "image/png")))).get();
        assertTrue(attachments().canRead(stored.id(), erin), "the post shared it");
        try (TestClient e = loggedIn(erin)) {
            assertArrayEquals(content, download(e, stored.id(), content.length, 65_536));
        }
    }
}
