package org.confab.protocol;

import static org.confab.protocol.Wire.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.node.ObjectNode;

class FrameWriterTest {

    private static final int THREADS = 8;
    private static final int FRAMES_PER_THREAD = 150;

    private final FrameCodec codec = new FrameCodec();

    @Test
    void writesBigEndianLengthThenPayloadAndFlushes() throws IOException {
        FlushCountingStream out = new FlushCountingStream();
        byte[] payload = utf8("{\"type\":\"ping\",\"rid\":1}");
        new FrameWriter(out, codec).writePayload(payload);
        byte[] written = out.toByteArray();
        assertArrayEquals(new byte[] {0, 0, 0, (byte) payload.length}, Arrays.copyOf(written, 4));
        assertArrayEquals(payload, Arrays.copyOfRange(written, 4, written.length));
        assertEquals(1, out.flushes);
    }

    @Test
    void lengthUsesAllFourBytes() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FrameCodec big = new FrameCodec(Protocol.HARD_MAX_FRAME_BYTES);
        byte[] payload = new byte[0x01_02_03];
        new FrameWriter(out, big).writePayload(payload);
        byte[] written = out.toByteArray();
        assertArrayEquals(new byte[] {0, 1, 2, 3}, Arrays.copyOf(written, 4));
        assertEquals(4 + payload.length, written.length);
    }

    @Test
    void refusesToSendMoreThanTheLimitAndWritesNothing() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FrameCodec small = new FrameCodec(Protocol.MIN_MAX_FRAME_BYTES);
        FrameWriter writer = new FrameWriter(out, small);
        assertThrows(IOException.class, () -> writer.writePayload(new byte[Protocol.MIN_MAX_FRAME_BYTES + 1]));
        ObjectNode body = small.mapper().createObjectNode().put("pad", "x".repeat(Protocol.MIN_MAX_FRAME_BYTES));
        assertThrows(IOException.class, () -> writer.write(new Frame("ping", 1, body)));
        assertEquals(0, out.size());
    }

    @Test
    void concurrentWritersNeverInterleaveFrames() throws Exception {
        // The stream hands bytes on one at a time and yields in between, so any two unsynchronised
        // writers would interleave; all frames must still parse intact and in per-thread order.
        ByteAtATimeStream out = new ByteAtATimeStream();
        FrameWriter writer = new FrameWriter(out, codec);
        writeConcurrently(writer);
        FrameReader reader = new FrameReader(new ByteArrayInputStream(out.toByteArray()), codec);
        verify(readAll(reader));
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void concurrentWritersOverASocketAreReadIntactWhileWriting() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Socket client = new Socket(server.getInetAddress(), server.getLocalPort());
                Socket accepted = server.accept()) {
            ExecutorService readerThread = Executors.newSingleThreadExecutor();
            try {
                Future<List<Frame>> received = readerThread.submit(
                        () -> readAll(new FrameReader(accepted.getInputStream(), codec)));
                FrameWriter writer = new FrameWriter(new SmallChunkStream(client.getOutputStream()), codec);
                writeConcurrently(writer);
                client.shutdownOutput();
                verify(received.get(15, TimeUnit.SECONDS));
            } finally {
                readerThread.shutdownNow();
            }
        }
    }

    private void writeConcurrently(FrameWriter writer) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < FRAMES_PER_THREAD; i++) {
                    // Sizes vary from a few bytes to a few kilobytes.
                    ObjectNode body = codec.mapper().createObjectNode().put("thread", thread).put("seq", i)
                            .put("pad", Character.toString('a' + thread).repeat((i * 37 + thread * 101) % 2000));
                    writer.write(new Frame("test.frame", thread * 100_000L + i + 1, body));
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(15, TimeUnit.SECONDS);
        }
        pool.shutdown();
    }

    private static List<Frame> readAll(FrameReader reader) throws IOException, ProtocolException {
        List<Frame> frames = new ArrayList<>();
        for (Optional<Frame> frame = reader.read(); frame.isPresent(); frame = reader.read()) {
            frames.add(frame.get());
        }
        return frames;
    }

    private static void verify(List<Frame> frames) {
        assertEquals(THREADS * FRAMES_PER_THREAD, frames.size());
        int[] next = new int[THREADS];
        for (Frame frame : frames) {
            assertEquals("test.frame", frame.type());
            int thread = frame.body().get("thread").intValue();
            int seq = frame.body().get("seq").intValue();
            assertEquals(next[thread]++, seq, "frames of thread " + thread + " out of order");
            assertEquals(thread * 100_000L + seq + 1, frame.rid());
            String pad = frame.body().get("pad").textValue();
            assertEquals((seq * 37 + thread * 101) % 2000, pad.length());
            assertTrue(pad.chars().allMatch(c -> c == 'a' + thread), "foreign bytes inside a frame");
        }
        for (int count : next) {
            assertEquals(FRAMES_PER_THREAD, count);
        }
    }

    /** Not thread-safe on purpose, and slow to hand over a write. */
    private static final class ByteAtATimeStream extends OutputStream {
        private byte[] buffer = new byte[1 << 16];
        private int count;

        @Override
        public void write(int b) {
            if (count == buffer.length) {
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
            buffer[count++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            for (int i = 0; i < len; i++) {
                write(b[off + i]);
                if (i % 97 == 0) {
                    Thread.yield();
                }
            }
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buffer, count);
        }
    }

    /** Splits every write into small pieces, as a congested socket would take them. */
    private static final class SmallChunkStream extends OutputStream {
        private final OutputStream out;

        SmallChunkStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            for (int i = 0; i < len; i += 509) {
                out.write(b, off + i, Math.min(509, len - i));
                Thread.yield();
            }
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }
    }

    private static final class FlushCountingStream extends ByteArrayOutputStream {
        int flushes;

        @Override
        public void flush() {
            flushes++;
        }
    }
}
