package org.confab.protocol;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Reads length-prefixed frames from a stream: a 4-byte big-endian length, then that many bytes of
 * payload. The length is checked against the limit <em>before</em> any buffer is allocated, so a
 * peer cannot make us reserve memory it never sends. Not thread-safe: one reader per connection.
 */
public final class FrameReader {
    private final InputStream in;
    private final FrameCodec codec;

    public FrameReader(InputStream in, FrameCodec codec) {
        this.in = in;
        this.codec = codec;
    }

    /**
     * The next frame, or empty at a clean end of stream (between frames).
     *
     * @throws ProtocolException for an oversized length (fatal: the stream cannot be resynchronised)
     *         or an unparseable payload (the stream stays in sync; the caller may answer and go on)
     * @throws EOFException when the stream ends inside a frame
     */
    public Optional<Frame> read() throws IOException, ProtocolException {
        Optional<byte[]> payload = readPayload();
        if (payload.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(codec.decode(payload.get()));
    }

    /** The next raw payload, or empty at a clean end of stream. */
    public Optional<byte[]> readPayload() throws IOException, ProtocolException {
        return readPayload(codec.maxFrameBytes());
    }

    /**
     * The next raw payload of at most {@code limit} bytes (a limit tighter than the codec's, such as the
     * 16 KiB before {@code hello.ok}), or empty at a clean end of stream. A longer declared length is
     * refused before a byte of its payload is read.
     */
    public Optional<byte[]> readPayload(int limit) throws IOException, ProtocolException {
        int max = Math.min(limit, codec.maxFrameBytes());
        int first = in.read();
        if (first < 0) {
            return Optional.empty();
        }
        int length = first << 24 | readByte() << 16 | readByte() << 8 | readByte();
        if (length < 0 || length > max) {
            throw new ProtocolException(ErrorCode.FRAME_TOO_LARGE, "declared frame length "
                    + Integer.toUnsignedString(length) + " exceeds the limit of " + max + " bytes");
        }
        if (length == 0) {
            throw new ProtocolException(ErrorCode.BAD_FRAME, "empty frame");
        }
        byte[] payload = in.readNBytes(length);
        if (payload.length < length) {
            throw new EOFException("stream ended after " + payload.length + " of " + length + " frame bytes");
        }
        return Optional.of(payload);
    }

    private int readByte() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException("stream ended inside a frame length");
        }
        return b;
    }
}
