package org.confab.server.attachments.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileStore;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;


/**
 * Where attachment bytes live: {@code ROOT/partial/<id>} while an upload is under way (its length is
 * the upload's offset, also after a crash), {@code ROOT/content/<2 hex>/<sha256>} once complete and
 * checked, shared by every attachment with that content. Every name comes from the server (a random
 * id, a hash it computed): nothing a client sends becomes part of a path. Directories are 0700 and
 * files 0600 where the file system has POSIX permissions.
 */
final class AttachmentFiles {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final int BUFFER = 64 << 10;

    private final Path root;
    private final Path partial;
    private final Path content;
    /** Looked up once: finding a path's file store reads the whole mount table, too slow for every chunk. */
    private final FileStore store;

    AttachmentFiles(Path root) throws IOException {
        this.root = root.toAbsolutePath();
        this.partial = this.root.resolve("partial");
        this.content = this.root.resolve("content");
        directory(this.root);
        directory(partial);
        directory(content);
        this.store = Files.getFileStore(this.root);
    }

    Path partial(String id) {
        return partial.resolve(id);
    }

    Path content(String sha256) {
        return content.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    /** Bytes stored of an unfinished upload: the length of its partial file (0 when there is none). */
    long stored(String id) throws IOException {
        try {
            return Files.size(partial(id));
        } catch (NoSuchFileException e) {
            return 0;
        }
    }

    long usableSpace() throws IOException {
        return store.getUsableSpace();
    }

    /** Creates the empty partial file of a new upload. */
    void createPartial(String id) throws IOException {
        try {
            Files.createFile(partial(id), fileMode());
        } catch (FileAlreadyExistsException e) {
            // a repeated begin of the same upload: keep what is there
        }
    }

    /** Appends a chunk to the partial file (created if a crash or a mismatch removed it). */
    void append(String id, byte[] data) throws IOException {
        Path file = partial(id);
        if (!Files.exists(file)) {
            createPartial(id);
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer buffer = ByteBuffer.wrap(data);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }
    }

    /** Feeds the first {@code length} bytes of the partial file to {@code digest}, a buffer at a time. */
    void hashPrefix(String id, long length, MessageDigest digest) throws IOException {
        try (InputStream in = Files.newInputStream(partial(id))) {
            byte[] buffer = new byte[BUFFER];
            long left = length;
            while (left > 0) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (read < 0) {
                    throw new IOException("partial upload " + id + " is shorter than " + length + " bytes");
                }
                digest.update(buffer, 0, read);
                left -= read;
            }
        }
    }

    /** Moves a checked upload to its content file; when that content is stored already, drops the copy. */
    void promote(String id, String sha256) throws IOException {
        Path target = content(sha256);
        directory(target.getParent());
        if (Files.exists(target)) {
            Files.deleteIfExists(partial(id));
        } else {
            Files.move(partial(id), target, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    void deletePartial(String id) throws IOException {
        Files.deleteIfExists(partial(id));
    }

    void deleteContent(String sha256) throws IOException {
        Files.deleteIfExists(content(sha256));
    }

    boolean hasContent(String sha256) {
        return Files.isRegularFile(content(sha256));
    }

    /** Reads up to {@code length} bytes of stored content from {@code offset}; fewer only at its end. */
    byte[] read(String sha256, long offset, int length) throws IOException {
        try (FileChannel channel = FileChannel.open(content(sha256), StandardOpenOption.READ)) {
            long available = Math.max(0, channel.size() - offset);
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(length, available));
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, offset + buffer.position()) < 0) {
                    break;
                }
            }
            return buffer.position() == buffer.capacity() ? buffer.array()
                    : java.util.Arrays.copyOf(buffer.array(), buffer.position());
        }
    }

    InputStream open(String sha256) throws IOException {
        return Files.newInputStream(content(sha256));
    }

    private static FileAttribute<?>[] fileMode() {
        return POSIX ? new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")) }
                : new FileAttribute<?>[0];
    }

    private static void directory(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        if (POSIX) {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(directory);
        }
    }
}
