package org.confab.server.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;

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
}
