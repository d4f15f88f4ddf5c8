package org.confab.protocol.fuzz;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.confab.protocol.Frame;
import org.confab.protocol.FrameCodec;
import org.confab.protocol.FrameReader;
import org.confab.protocol.Protocol;
import org.confab.protocol.ProtocolException;
import org.confab.protocol.messages.Messages;

/**
 * What the fuzzers run, shared by the Jazzer fuzz tests and the corpus replay: hostile bytes may end
 * in a frame, a {@link ProtocolException} or an {@link EOFException}, and nothing else (no other
 * exception, no hang, no memory blow-up); whatever parses survives a round trip unchanged.
 */
final class FuzzTargets {
    /** Every message record of the protocol: each one is a parser a peer can reach. */
    static final List<Class<?>> MESSAGES = List.of(Messages.class.getClasses());

    private static final FrameCodec CODEC = new FrameCodec(Protocol.MIN_MAX_FRAME_BYTES);

    private FuzzTargets() {
    }

    /** A byte stream as a connection would deliver it: frames until the end, the stream or a fatal error. */
    static void decodeStream(byte[] input) {
        FrameReader reader = new FrameReader(new ByteArrayInputStream(input), CODEC);
        for (int frames = 0; frames < 10_000; frames++) {
            Optional<byte[]> payload;
            try {
                payload = reader.readPayload();
            } catch (EOFException e) {
                return;
            } catch (ProtocolException e) {
                if (e.isFatal()) {
                    return;
                }
                continue; // the stream is still in step; a server answers and reads on
            } catch (IOException e) {
                throw new AssertionError("a byte array stream cannot fail", e);
            }
            if (payload.isEmpty()) {
                return;
            }
            decodePayload(payload.get());
        }
    }

    /** One payload through the frame decoder; a frame that parses must encode back to an equal one. */
    static Optional<Frame> decodePayload(byte[] payload) {
        Frame frame;
        try {
            frame = CODEC.decode(payload);
        } catch (ProtocolException e) {
            return Optional.empty();
        }
        Frame again;
        try {
            again = CODEC.decode(CODEC.encode(frame));
        } catch (ProtocolException e) {
            throw new AssertionError("a decoded frame does not decode after encoding: " + frame, e);
        }
        if (!again.equals(frame)) {
            throw new AssertionError("round trip changed the frame: " + frame + " became " + again);
        }
        return Optional.of(frame);
    }

    /** A payload read as every message type in turn, as a handler of each type would read it. */
    static void parseMessage(byte[] payload) {
        Optional<Frame> frame = decodePayload(payload);
        if (frame.isPresent()) {
            for (Class<?> type : MESSAGES) {
                parseAs(frame.get(), type);
            }
        }
    }

    private static void parseAs(Frame frame, Class<?> type) {
        Object message;
        try {
            message = CODEC.read(frame, type);
        } catch (ProtocolException e) {
            return;
        }
        Frame encoded = CODEC.frame(frame.type(), frame.rid(), message);
        try {
            Object again = CODEC.read(CODEC.decode(CODEC.encode(encoded)), type);
            if (!equal(message, again)) {
                throw new AssertionError(type.getSimpleName() + " changed in a round trip: " + message + " became " + again);
            }
        } catch (ProtocolException e) {
            throw new AssertionError("a valid " + type.getSimpleName() + " does not parse after encoding: " + message, e);
        }
    }

    /** Records compare by components, but arrays inside them by identity; their text is compared instead. */
    private static boolean equal(Object a, Object b) {
        return a.equals(b) || a.toString().equals(b.toString()) && !a.toString().contains("[B@");
    }
}
