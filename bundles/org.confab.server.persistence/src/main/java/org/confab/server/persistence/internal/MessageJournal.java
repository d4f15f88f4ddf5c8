package org.confab.server.persistence.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

import org.confab.server.api.StoredMessage;

/**
 * An append-only, fsynced log of the message writes of the embedded database. H2 has no write-ahead
 * log: to make a commit durable it must rewrite every B-tree page the commit changed, which was most of
 * the CPU a message cost. With this journal H2 writes its pages in the background (every half second,
 * many commits to a page at once) and a batch of messages is durable when its records are forced to
 * this file, one sequential write and one fsync per batch. A crash loses at most what H2 had not yet
 * written; the next start replays the journal into the database ({@link #replay}).
 *
 * <p>Records are {@code [length][CRC-32C][payload]}. A crash in the middle of an append leaves a torn
 * last record, which fails its length or checksum and ends the replay: it was never acknowledged. An
 * append that fails while the server goes on (a full disk) is cut off again at once, so the records
 * appended after it are not hidden behind a tear; if even that fails, the file takes no more records
 * until the next checkpoint starts a new one (the caller forces the database to disk meanwhile).
 * Creating and renaming the files is made durable too: the directory is synced after each.
 *
 * <p>Checkpoints keep the journal short: the current file is renamed to {@code .previous} and a new
 * one started, the database is forced to disk, and only then is the previous file deleted. Every
 * record is appended after its transaction committed in the database, so every record in the previous
 * file belongs to a transaction the forced store contains.
 */
final class MessageJournal implements AutoCloseable {
    static final byte STORED = 1;
    static final byte DELIVERED = 2;
    /**
     * A stored message with content beyond its text (protocol version 2): the {@link #STORED} fields,
     * then kind, metadata and attachments as in {@link ContentColumns} ("" for NULL). Plain text
     * messages keep the {@link #STORED} record, so journals written before version 2 replay unchanged.
     */
    static final byte STORED_RICH = 3;
    private static final int MAX_RECORD = 1 << 20;

    /** One journaled change: a stored message (with its content) or messages delivered to a recipient. */
    record Entry(byte kind, StoredMessage message, String recipient, List<Long> ids) {
        static Entry stored(StoredMessage message) {
            return new Entry(STORED, message, message.recipient(), List.of(message.id()));
        }

        boolean isStored() {
            return kind == STORED || kind == STORED_RICH;
        }

        static Entry delivered(String recipient, List<Long> ids) {
            return new Entry(DELIVERED, null, recipient, List.copyOf(ids));
        }
    }

    /** How the journal opens its file for appending (a test injects a failing disk). */
    interface Opener {
        Opener FILES = path -> FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);

        FileChannel open(Path path) throws IOException;
    }

    private final Path file;
    private final Path previous;
    private final Opener opener;
    private FileChannel channel;
    private long size;
    /** Set when a failed append could not be cut off: nothing may follow the tear in this file. */
    private boolean torn;

    MessageJournal(Path file) throws IOException {
        this(file, Opener.FILES);
    }

    MessageJournal(Path file, Opener opener) throws IOException {
        this.file = file;
        this.previous = previousOf(file);
        this.opener = opener;
        Files.createDirectories(file.toAbsolutePath().getParent());
        this.channel = opener.open(file);
        this.size = channel.size();
        syncDirectory();
    }

    /** Makes a created or renamed file's directory entry durable (a file's own fsync does not). */
    private void syncDirectory() throws IOException {
        try (FileChannel directory = FileChannel.open(file.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
            directory.force(true);
        }
    }

    /** Where a checkpoint moves the current file until the database is on disk. */
    private static Path previousOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".previous");
    }

    /** Appends the entries and forces them to disk; returns once they would survive a power cut. */
    synchronized void append(List<Entry> entries) throws IOException {
        if (entries.isEmpty()) {
            return;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 * entries.size());
        DataOutputStream out = new DataOutputStream(bytes);
        for (Entry entry : entries) {
            byte[] payload = encode(entry);
            CRC32C crc = new CRC32C();
            crc.update(payload);
            out.writeInt(payload.length);
            out.writeInt((int) crc.getValue());
            out.write(payload);
        }
        if (torn) {
            throw new IOException("the journal file has a torn record that could not be cut off; waiting for the next checkpoint");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes.toByteArray());
        try {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        } catch (IOException e) {
            cutOffTornRecord(e);
            throw e;
        }
        size += bytes.size();
    }

    /** After a failed append: back to the last whole record, or no more appends to this file. */
    private void cutOffTornRecord(IOException failure) {
        try {
            channel.truncate(size);
            channel.force(false);
        } catch (IOException | RuntimeException e) {
            torn = true;
            failure.addSuppressed(e);
        }
    }

    synchronized long size() {
        return size;
    }

    /**
     * Starts a new file and returns the path of the one that was current; the caller forces the
     * database to disk and then calls {@link #discardPrevious}.
     */
    synchronized Path rotate() throws IOException {
        channel.close();
        Files.move(file, previous, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        channel = opener.open(file);
        size = 0;
        torn = false;
        syncDirectory();
        return previous;
    }

    boolean hasPrevious() {
        return Files.exists(previous);
    }

    void discardPrevious() throws IOException {
        Files.deleteIfExists(previous);
    }

    /** Everything the files of an earlier run hold, oldest first: the previous file, then the current one. */
    static List<Entry> replay(Path file) throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (Path path : List.of(previousOf(file), file)) {
            if (Files.exists(path)) {
                try (InputStream in = Files.newInputStream(path)) {
                    read(new DataInputStream(in), entries);
                }
            }
        }
        return entries;
    }

    /** After a replay made it into the database and the database is on disk. */
    synchronized void clear() throws IOException {
        channel.truncate(0);
        channel.force(true);
        size = 0;
        torn = false;
        Files.deleteIfExists(previous);
    }

    private static void read(DataInputStream in, List<Entry> entries) throws IOException {
        while (true) {
            byte[] payload;
            int checksum;
            try {
                int length = in.readInt();
                if (length <= 0 || length > MAX_RECORD) {
                    return; // a torn or damaged tail: nothing after it was acknowledged
                }
                checksum = in.readInt();
                payload = in.readNBytes(length);
                if (payload.length != length) {
                    return;
                }
            } catch (EOFException e) {
                return;
            }
            CRC32C crc = new CRC32C();
            crc.update(payload);
            if ((int) crc.getValue() != checksum) {
                return;
            }
            entries.add(decode(payload));
        }
    }

    private static byte[] encode(Entry entry) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
            DataOutputStream out = new DataOutputStream(bytes);
            if (entry.isStored()) {
                StoredMessage message = entry.message();
                ContentColumns columns = ContentColumns.of(message.content());
                out.writeByte(columns.isPlain() ? STORED : STORED_RICH);
                out.writeLong(message.id());
                out.writeLong(message.sentAt().toEpochMilli());
                out.writeUTF(message.sender());
                out.writeUTF(message.recipient());
                out.writeUTF(message.clientMessageId());
                out.writeUTF(message.text());
                if (!columns.isPlain()) {
                    out.writeUTF(orEmpty(columns.kind()));
                    out.writeUTF(orEmpty(columns.meta()));
                    out.writeUTF(orEmpty(columns.attachments()));
                }
            } else {
                out.writeByte(entry.kind());
                out.writeUTF(entry.recipient());
                out.writeInt(entry.ids().size());
                for (long id : entry.ids()) {
                    out.writeLong(id);
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory
        }
    }

    private static Entry decode(byte[] payload) throws IOException {
        DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(payload));
        byte kind = in.readByte();
        if (kind == STORED || kind == STORED_RICH) {
            long id = in.readLong();
            Instant sentAt = Instant.ofEpochMilli(in.readLong());
            String sender = in.readUTF();
            String recipient = in.readUTF();
            String clientMessageId = in.readUTF();
            String text = in.readUTF();
            ContentColumns columns = kind == STORED ? ContentColumns.PLAIN
                    : new ContentColumns(orNull(in.readUTF()), orNull(in.readUTF()), orNull(in.readUTF()));
            return Entry.stored(new StoredMessage(id, sender, recipient, columns.content(text), sentAt, clientMessageId, false));
        }
        if (kind == DELIVERED) {
            String recipient = in.readUTF();
            int count = in.readInt();
            List<Long> ids = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                ids.add(in.readLong());
            }
            return Entry.delivered(recipient, ids);
        }
        throw new IOException("unknown journal record kind " + kind);
    }

    private static String orEmpty(String column) {
        return column == null ? "" : column;
    }

    private static String orNull(String field) {
        return field.isEmpty() ? null : field;
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }
}
