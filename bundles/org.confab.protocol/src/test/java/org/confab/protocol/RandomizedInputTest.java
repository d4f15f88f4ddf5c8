package org.confab.protocol;

import static org.confab.protocol.Wire.concat;
import static org.confab.protocol.Wire.framed;
import static org.confab.protocol.Wire.lengthPrefix;
import static org.confab.protocol.Wire.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.confab.protocol.messages.Messages;
import org.junit.jupiter.api.Test;

/**
 * Random and mutated byte streams through {@link FrameReader} and {@link FrameCodec}: the only
 * outcomes allowed are a frame, a {@link ProtocolException} or an {@link EOFException}. Seeded, so a
 * failure names the case that reproduces it.
 */
class RandomizedInputTest {

    private static final long SEED = 0x5EED_C0FFEEL;
    private static final int CASES = 10_000;

    private static final List<String> SEEDS = List.of(
            "{\"type\":\"hello\",\"rid\":1,\"version\":1,\"client\":\"fuzz\",\"capabilities\":[\"a\",\"b\"]}",
            "{\"type\":\"chat.send\",\"rid\":2,\"to\":\"bob\",\"clientMessageId\":\"c1\",\"text\":\"h\\u00e9llo \\ud83d\\ude00\"}",
            "{\"type\":\"chat.ack\",\"rid\":3,\"messageIds\":[1,2,3]}",
            "{\"type\":\"chat.history\",\"rid\":4,\"peer\":\"bob\",\"beforeId\":10,\"limit\":50}",
            "{\"type\":\"auth.start\",\"rid\":5,\"username\":\"alice\",\"clientNonce\":\"abc\"}",
            "{\"type\":\"presence.list.ok\",\"rid\":6,\"users\":[{\"username\":\"a\",\"displayName\":\"A\",\"online\":true}]}",
            "{\"type\":\"chat.message\",\"messageId\":7,\"from\":\"a\",\"to\":\"b\",\"text\":\"x\",\"timestamp\":1,\"delivered\":false}",
            "{\"type\":\"error\",\"rid\":8,\"code\":\"BAD_REQUEST\",\"message\":\"nope\"}");

    private static final byte[] INTERESTING = utf8("{}[]\":,.-+eE0129\\ntfu \u00ff\u00e9");

    private static final List<Class<?>> RECORDS = List.of(Messages.class.getClasses());

    private final FrameCodec codec = new FrameCodec(Protocol.MIN_MAX_FRAME_BYTES);

    @Test
    void onlyFramesProtocolErrorsOrEndOfStream() {
        Random random = new Random(SEED);
        int frames = 0;
        int protocolErrors = 0;
        int truncated = 0;
        for (int i = 0; i < CASES; i++) {
            byte[] input = generate(random);
            try {
                int[] outcome = consume(input, random);
                frames += outcome[0];
                protocolErrors += outcome[1];
                truncated += outcome[2];
            } catch (Throwable t) {
                fail("case " + i + " (seed " + SEED + ") input " + HexFormat.of().formatHex(input) + " threw " + t, t);
            }
        }
        // The generator must exercise every outcome, or the test proves little.
        assertTrue(frames > 1000, "frames: " + frames);
        assertTrue(protocolErrors > 1000, "protocol errors: " + protocolErrors);
        assertTrue(truncated > 100, "truncated streams: " + truncated);
    }

    @Test
    void generatorIsReproducible() {
        Random a = new Random(SEED);
        Random b = new Random(SEED);
        for (int i = 0; i < 100; i++) {
            assertEquals(HexFormat.of().formatHex(generate(a)), HexFormat.of().formatHex(generate(b)));
        }
    }

    /** Reads frames until the stream ends; returns counts of frames, protocol errors and EOFs. */
    private int[] consume(byte[] input, Random random) throws Exception {
        FrameReader reader = new FrameReader(new ByteArrayInputStream(input), codec);
        int[] outcome = new int[3];
        for (int guard = 0; guard < 1000; guard++) {
            Optional<Frame> frame;
            try {
                frame = reader.read();
            } catch (EOFException e) {
                outcome[2]++;
                return outcome;
            } catch (ProtocolException e) {
                outcome[1]++;
                if (e.isFatal()) {
                    return outcome;
                }
                continue;
            }
            if (frame.isEmpty()) {
                return outcome;
            }
            outcome[0]++;
            // Reading the body as any record may fail only with a ProtocolException.
            try {
                codec.read(frame.get(), RECORDS.get(random.nextInt(RECORDS.size())));
            } catch (ProtocolException e) {
                assertEquals(ErrorCode.BAD_REQUEST, e.code());
            }
            // Whatever was decoded can be encoded and decoded again.
            codec.decode(codec.encode(frame.get()));
        }
        throw new AssertionError("reader made no progress");
    }

    private static byte[] generate(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> randomBytes(random, random.nextInt(64));
            case 1 -> concat(lengthPrefix(random.nextInt(48)), randomBytes(random, random.nextInt(48)));
            case 2 -> mutate(random, stream(random));
            case 3 -> framed(mutate(random, utf8(SEEDS.get(random.nextInt(SEEDS.size())))));
            case 4 -> framed(tokenSoup(random));
            default -> stream(random);
        };
    }

    /** A few valid frames back to back. */
    private static byte[] stream(Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            out.writeBytes(framed(SEEDS.get(random.nextInt(SEEDS.size()))));
        }
        return out.toByteArray();
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] mutate(Random random, byte[] input) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(input);
        byte[] bytes = out.toByteArray();
        for (int n = 1 + random.nextInt(4); n > 0 && bytes.length > 0; n--) {
            int at = random.nextInt(bytes.length);
            bytes = switch (random.nextInt(6)) {
                case 0 -> flip(bytes, at, 1 << random.nextInt(8));
                case 1 -> replace(bytes, at, INTERESTING[random.nextInt(INTERESTING.length)]);
                case 2 -> replace(bytes, at, (byte) random.nextInt(256));
                case 3 -> concat(Arrays.copyOf(bytes, at), Arrays.copyOfRange(bytes,
                        Math.min(bytes.length, at + 1 + random.nextInt(4)), bytes.length));
                case 4 -> concat(Arrays.copyOf(bytes, at), randomBytes(random, 1 + random.nextInt(4)),
                        Arrays.copyOfRange(bytes, at, bytes.length));
                default -> Arrays.copyOf(bytes, at);
            };
        }
        return bytes;
    }

    private static byte[] flip(byte[] bytes, int at, int mask) {
        bytes[at] ^= (byte) mask;
        return bytes;
    }

    private static byte[] replace(byte[] bytes, int at, byte value) {
        bytes[at] = value;
        return bytes;
    }

    /** JSON-like text: a type field followed by random tokens, often almost valid. */
    private static byte[] tokenSoup(Random random) {
        String[] tokens = {"{", "}", "[", "]", ",", ":", "\"type\"", "\"rid\"", "\"chat.send\"", "\"text\"", "\"to\"",
            "\"limit\"", "\"messageIds\"", "null", "true", "false", "0", "-1", "1.5e308", "1e999", "9223372036854775808",
            "\"\\u0000\"", "\"\\ud800\"", "\"\u00e9\"", "\"" + "x".repeat(70) + "\"", " "};
        StringBuilder json = new StringBuilder("{\"type\":\"chat.send\"");
        for (int n = random.nextInt(24); n > 0; n--) {
            json.append(tokens[random.nextInt(tokens.length)]);
        }
        if (random.nextBoolean()) {
            json.append('}');
        }
        return utf8(json.toString());
    }
}
