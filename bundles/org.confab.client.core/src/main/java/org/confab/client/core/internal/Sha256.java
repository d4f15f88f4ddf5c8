package org.confab.client.core.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 in the form the protocol uses (64 lowercase hex digits), computed while streaming. */
final class Sha256 {
    private static final int BUFFER_BYTES = 64 << 10;

    private Sha256() {
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * Feeds the first {@code length} bytes of a file into {@code digest}, with one small buffer however
     * large the file.
     *
     * @throws IOException also when the file is shorter than {@code length}
     */
    static void update(MessageDigest digest, Path file, long length) throws IOException {
        if (length == 0) {
            return; // the file need not exist
        }
        ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long left = length;
            while (left > 0) {
                buffer.clear().limit((int) Math.min(buffer.capacity(), left));
                int read = channel.read(buffer);
                if (read < 0) {
                    throw new IOException(file + " ended " + left + " bytes early (it changed while being read)");
                }
                digest.update(buffer.flip());
                left -= read;
            }
        }
    }

    static String of(Path file, long length) throws IOException {
        MessageDigest digest = digest();
        update(digest, file, length);
        return hex(digest);
    }
}
