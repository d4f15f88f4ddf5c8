package org.confab.protocol;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes length-prefixed frames. Thread-safe: whole frames from several threads never interleave.
 */
public final class FrameWriter {
    private final OutputStream out;
    private final FrameCodec codec;

    public FrameWriter(OutputStream out, FrameCodec codec) {
        this.out = out;
        this.codec = codec;
    }

    /** Encodes, writes and flushes one frame. */
    public void write(Frame frame) throws IOException {
        writePayload(codec.encode(frame));
    }

    /** Writes and flushes one already-encoded payload. */
    public synchronized void writePayload(byte[] payload) throws IOException {
        if (payload.length > codec.maxFrameBytes()) {
            throw new IOException("refusing to send a frame of " + payload.length + " bytes (limit "
                    + codec.maxFrameBytes() + ")");
        }
        byte[] packet = new byte[4 + payload.length];
        packet[0] = (byte) (payload.length >>> 24);
        packet[1] = (byte) (payload.length >>> 16);
        packet[2] = (byte) (payload.length >>> 8);
        packet[3] = (byte) payload.length;
        System.arraycopy(payload, 0, packet, 4, payload.length);
        out.write(packet);
        out.flush();
    }
}
