package org.confab.server.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.zip.CRC32C;

import org.confab.server.api.AttachmentRef;
import org.confab.server.api.MessageContent;
import org.confab.server.api.StoredMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessageJournalTest {
    @TempDir
    Path directory;

    private static StoredMessage message(long id, String text) {
        return new StoredMessage(id, "alice", "bob", text, Instant.ofEpochMilli(1_764_000_000_000L + id),
                "0190a1b2-" + id, false);
    }

    @Test
    void recordsComeBackInOrderWithEveryField() throws IOException {
        Path file = directory.resolve("confab.messages.journal");
        try (MessageJournal journal = new MessageJournal(file)) {
            journal.append(List.of(MessageJournal.Entry.stored(message(7, "héllo ✓ " + "x".repeat(7000)))));
            journal.append(List.of(MessageJournal.Entry.delivered("bob", List.of(7L, 9L)),
                    MessageJournal.Entry.stored(message(8, ""))));
        }
        List<MessageJournal.Entry> entries = MessageJournal.replay(file);
        assertEquals(3, entries.size());
        assertEquals(message(7, "héllo ✓ " + "x".repeat(7000)), entries.get(0).message());
        assertEquals(MessageJournal.DELIVERED, entries.get(1).kind());
        assertEquals("bob", entries.get(1).recipient());
        assertEquals(List.of(7L, 9L), entries.get(1).ids());
        assertEquals(message(8, ""), entries.get(2).message());
    }

    private static StoredMessage rich(long id) {
        MessageContent content = new MessageContent("x.dice", "", "{\"sides\":6,\"label\":\"d\u00e9\"}",
                List.of(new AttachmentRef("f-1", "r\u00e9port.pdf", 2_202_009, "application/pdf"), new AttachmentRef("b", "b", 0, "")));
        return new StoredMessage(id, "alice", "bob", content, Instant.ofEpochMilli(1_764_000_000_000L + id), "c-" + id, false);
    }

    @Test
    void richMessagesKeepKindMetadataAndAttachments() throws IOException {
        Path file = directory.resolve("confab.messages.journal");
        StoredMessage withAttachmentsOnly = new StoredMessage(6, "alice", "bob",
                new MessageContent(MessageContent.TEXT, "see file", MessageContent.NO_METADATA,
                        List.of(new AttachmentRef("f", "f.txt", 3, "text/plain"))),
                Instant.ofEpochMilli(1), "c-6", false);
        try (MessageJournal journal = new MessageJournal(file)) {
            journal.append(List.of(MessageJournal.Entry.stored(rich(5)), MessageJournal.Entry.stored(message(7, "plain")),
                    MessageJournal.Entry.stored(withAttachmentsOnly)));
        }
        List<MessageJournal.Entry> entries = MessageJournal.replay(file);
        assertEquals(List.of(rich(5), message(7, "plain"), withAttachmentsOnly),
                entries.stream().map(MessageJournal.Entry::message).toList());
    }

    /** A journal left by a server from before protocol version 2 (its only stored-message record) still replays. */
    @Test
    void aJournalWrittenBeforeRichMessagesReplays() throws IOException {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(payload);
        out.writeByte(1); // the record as the first journal format wrote it
        out.writeLong(41);
        out.writeLong(1_764_000_000_041L);
        out.writeUTF("alice");
        out.writeUTF("bob");
        out.writeUTF("0190a1b2-41");
        out.writeUTF("written by the old server");
        byte[] bytes = payload.toByteArray();
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        ByteArrayOutputStream record = new ByteArrayOutputStream();
        DataOutputStream framed = new DataOutputStream(record);
        framed.writeInt(bytes.length);
        framed.writeInt((int) crc.getValue());
        framed.write(bytes);
        Path file = directory.resolve("confab.messages.journal");
        Files.write(file, record.toByteArray());

        StoredMessage replayed = MessageJournal.replay(file).get(0).message();
        assertEquals(new StoredMessage(41, "alice", "bob", "written by the old server", Instant.ofEpochMilli(1_764_000_000_041L),
                "0190a1b2-41", false), replayed);
        assertTrue(replayed.content().isPlainText());
    }

    @Test
    void aTornLastRecordEndsTheReplayAndEverythingBeforeItSurvives() throws IOException {
        Path file = twoRecords();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(Files.size(file) - 3); // the crash came in the middle of writing the second record
        }
        assertEquals(List.of(MessageJournal.Entry.stored(message(1, "first"))), MessageJournal.replay(file));
    }

    @Test
    void aDamagedRecordFailsItsChecksumAndEndsTheReplay() throws IOException {
        Path file = twoRecords();
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 1] ^= 0x40; // one flipped bit in the second record's text
        Files.write(file, bytes);
        assertEquals(List.of(MessageJournal.Entry.stored(message(1, "first"))), MessageJournal.replay(file));
    }

    private Path twoRecords() throws IOException {
        Path file = directory.resolve("confab.messages.journal");
        try (MessageJournal journal = new MessageJournal(file)) {
            journal.append(List.of(MessageJournal.Entry.stored(message(1, "first")),
                    MessageJournal.Entry.stored(message(2, "second"))));
        }
        assertEquals(2, MessageJournal.replay(file).size());
        return file;
    }

    @Test
    void aCheckpointInterruptedAfterTheRotationReplaysBothFilesOldestFirst() throws IOException {
        Path file = directory.resolve("confab.messages.journal");
        try (MessageJournal journal = new MessageJournal(file)) {
            journal.append(List.of(MessageJournal.Entry.stored(message(1, "before the rotation"))));
            journal.rotate(); // the server died before the database was forced to disk
            journal.append(List.of(MessageJournal.Entry.delivered("bob", List.of(1L))));
        }
        List<MessageJournal.Entry> entries = MessageJournal.replay(file);
        assertEquals(2, entries.size());
        assertEquals(MessageJournal.STORED, entries.get(0).kind());
        assertEquals(MessageJournal.DELIVERED, entries.get(1).kind());

        try (MessageJournal journal = new MessageJournal(file)) {
            journal.clear();
            assertEquals(0, journal.size());
        }
        assertTrue(MessageJournal.replay(file).isEmpty(), "cleared after the replay made it into the database");
    }

    /**
     * The sequence of the issue: batch 1 is journaled, batch 2's append fails half-way (a full disk),
     * the server goes on (it forced the database to disk instead) and batch 3 is journaled and
     * acknowledged. A replay must still find batch 3: before, it stopped at batch 2's tear.
     */
    @Test
    void aFailedAppendIsCutOffSoLaterBatchesStillReplay() throws IOException {
        Path file = directory.resolve("confab.messages.journal");
        FailingDisk disk = new FailingDisk();
        try (MessageJournal journal = new MessageJournal(file, disk)) {
            journal.append(List.of(MessageJournal.Entry.stored(message(1, "batch one"))));
            disk.failNextWriteHalfway = true;
            assertThrows(IOException.class, () -> journal.append(List.of(MessageJournal.Entry.stored(message(2, "batch two, torn")))));
            journal.append(List.of(MessageJournal.Entry.stored(message(3, "batch three"))));
        }
        assertEquals(List.of(MessageJournal.Entry.stored(message(1, "batch one")), MessageJournal.Entry.stored(message(3, "batch three"))),
                MessageJournal.replay(file));
    }

    /** When even the cut fails, the file takes nothing more (the caller forces the database) until a rotation. */
    @Test
    void aTearThatCannotBeCutOffStopsAppendsUntilTheNextFile() throws IOException {
        Path file = directory.resolve("confab.messages.journal");
        FailingDisk disk = new FailingDisk();
        try (MessageJournal journal = new MessageJournal(file, disk)) {
            journal.append(List.of(MessageJournal.Entry.stored(message(1, "batch one"))));
            disk.failNextWriteHalfway = true;
            disk.failTruncate = true;
            assertThrows(IOException.class, () -> journal.append(List.of(MessageJournal.Entry.stored(message(2, "torn")))));
            assertThrows(IOException.class, () -> journal.append(List.of(MessageJournal.Entry.stored(message(3, "refused")))));
            journal.rotate();
            journal.discardPrevious(); // the checkpoint forced the database to disk
            journal.append(List.of(MessageJournal.Entry.stored(message(4, "in the new file"))));
        }
        assertEquals(List.of(MessageJournal.Entry.stored(message(4, "in the new file"))), MessageJournal.replay(file));
    }

    /** A disk that can fail one write after half of its bytes, and refuse truncation. */
    private static final class FailingDisk implements MessageJournal.Opener {
        boolean failNextWriteHalfway;
        boolean failTruncate;

        @Override
        public FileChannel open(Path path) throws IOException {
            FileChannel real = MessageJournal.Opener.FILES.open(path);
            return new FileChannel() {
                @Override
                public int write(ByteBuffer source) throws IOException {
                    if (failNextWriteHalfway) {
                        failNextWriteHalfway = false;
                        ByteBuffer half = source.slice(source.position(), source.remaining() / 2);
                        real.write(half);
                        throw new IOException("No space left on device (injected by the test)");
                    }
                    return real.write(source);
                }

                @Override
                public FileChannel truncate(long size) throws IOException {
                    if (failTruncate) {
                        throw new IOException("Input/output error (injected by the test)");
                    }
                    real.truncate(size);
                    return this;
                }

                @Override
                public void force(boolean metaData) throws IOException {
                    real.force(metaData);
                }

                @Override
                public long size() throws IOException {
                    return real.size();
                }

                @Override
                public long position() throws IOException {
                    return real.position();
                }

                @Override
                public FileChannel position(long newPosition) throws IOException {
                    real.position(newPosition);
                    return this;
                }

                @Override
                public int read(ByteBuffer destination) throws IOException {
                    return real.read(destination);
                }

                @Override
                public long read(ByteBuffer[] destinations, int offset, int length) throws IOException {
                    return real.read(destinations, offset, length);
                }

                @Override
                public long write(ByteBuffer[] sources, int offset, int length) throws IOException {
                    return real.write(sources, offset, length);
                }

                @Override
                public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
                    return real.transferTo(position, count, target);
                }

                @Override
                public long transferFrom(ReadableByteChannel source, long position, long count) throws IOException {
                    return real.transferFrom(source, position, count);
                }

                @Override
                public int read(ByteBuffer destination, long position) throws IOException {
                    return real.read(destination, position);
                }

                @Override
                public int write(ByteBuffer source, long position) throws IOException {
                    return real.write(source, position);
                }

                @Override
                public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
                    return real.map(mode, position, size);
                }

                @Override
                public FileLock lock(long position, long size, boolean shared) throws IOException {
                    return real.lock(position, size, shared);
                }

                @Override
                public FileLock tryLock(long position, long size, boolean shared) throws IOException {
                    return real.tryLock(position, size, shared);
                }

                @Override
                protected void implCloseChannel() throws IOException {
                    real.close();
                }
            };
        }
    }
}
