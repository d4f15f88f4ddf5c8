package org.confab.protocol;

import java.io.CharArrayReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * Turns frame payloads (UTF-8 JSON objects) into {@link Frame}s and back, and message records into
 * frame bodies. Every input is treated as hostile: nesting depth, string and number lengths are
 * bounded, duplicate keys and trailing data are refused, and every failure becomes a
 * {@link ProtocolException} with a code the peer can act on. Thread-safe.
 */
public final class FrameCodec {

    private static final int MAX_NESTING_DEPTH = 16;
    private static final int MAX_NUMBER_LENGTH = 40;

    private final ObjectMapper mapper;
    private final int maxFrameBytes;

    public FrameCodec(int maxFrameBytes) {
        if (maxFrameBytes < Protocol.MIN_MAX_FRAME_BYTES || maxFrameBytes > Protocol.HARD_MAX_FRAME_BYTES) {
            throw new IllegalArgumentException("max frame size must be between " + Protocol.MIN_MAX_FRAME_BYTES
                    + " and " + Protocol.HARD_MAX_FRAME_BYTES + " bytes, was " + maxFrameBytes);
        }
        this.maxFrameBytes = maxFrameBytes;
        // Jackson keeps its parse and write buffers (about 25 KiB) per thread by default: with a virtual
        // thread reading and one writing for every connection, that was most of an idle session's heap.
        // A shared pool holds only as many buffer sets as are in use at once.
        JsonFactory factory = JsonFactory.builder().recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool()).build();
        this.mapper = JsonMapper.builder(factory)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // A field of the wrong JSON type is an error, not something to guess at: no "5" for 5,
                // no 1 for true, no 5 for "5".
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .withCoercionConfig(LogicalType.Textual, text -> text
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .maxStringLength(maxFrameBytes)
                .build());
    }

    /** A codec with the default frame limit. */
    public FrameCodec() {
        this(Protocol.DEFAULT_MAX_FRAME_BYTES);
    }

    public int maxFrameBytes() {
        return maxFrameBytes;
    }

    /** Whether a payload is a binary frame (first byte {@value Protocol#BINARY_FRAME_MARKER}), without parsing it. */
    public static boolean isBinary(byte[] payload) {
        return payload.length > 0 && payload[0] == Protocol.BINARY_FRAME_MARKER;
    }

    /**
     * Parses one frame payload (without its length prefix): a JSON object, or a binary frame (marker
     * byte, 2-byte header length, JSON header, raw data).
     */
    public Frame decode(byte[] payload) throws ProtocolException {
        if (payload.length > maxFrameBytes) {
            throw new ProtocolException(ErrorCode.FRAME_TOO_LARGE,
                    "frame of " + payload.length + " bytes exceeds the limit of " + maxFrameBytes);
        }
        if (isBinary(payload)) {
            if (payload.length < 3) {
                throw new ProtocolException(ErrorCode.BAD_FRAME, "binary frame ends inside its header length");
            }
            int headerLength = (payload[1] & 0xff) << 8 | payload[2] & 0xff;
            if (headerLength < 2 || headerLength > Protocol.MAX_BINARY_HEADER_BYTES) {
                throw new ProtocolException(ErrorCode.BAD_FRAME, "binary frame header length " + headerLength
                        + " is outside 2.." + Protocol.MAX_BINARY_HEADER_BYTES);
            }
            if (3 + headerLength > payload.length) {
                throw new ProtocolException(ErrorCode.BAD_FRAME, "binary frame header of " + headerLength
                        + " bytes is longer than the frame");
            }
            Frame header = decodeJson(payload, 3, headerLength);
            byte[] data = Arrays.copyOfRange(payload, 3 + headerLength, payload.length);
            return header.withData(data);
        }
        return decodeJson(payload, 0, payload.length);
    }

    private Frame decodeJson(byte[] payload, int offset, int length) throws ProtocolException {
        // Decoded strictly first: the parser alone would guess UTF-16/32 from the bytes and accept
        // overlong or surrogate UTF-8 sequences.
        CharBuffer text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(payload, offset, length));
        } catch (CharacterCodingException e) {
            throw new ProtocolException(ErrorCode.BAD_FRAME, "frame is not valid UTF-8");
        }
        JsonNode tree;
        try {
            tree = mapper.readTree(
                    new CharArrayReader(text.array(), text.arrayOffset() + text.position(), text.remaining()));
        } catch (IOException e) {
            throw new ProtocolException(ErrorCode.BAD_FRAME, "frame is not valid JSON: " + firstLine(e));
        }
        if (tree == null || !tree.isObject()) {
            throw new ProtocolException(ErrorCode.BAD_FRAME, "frame must be a JSON object");
        }
        ObjectNode body = (ObjectNode) tree;
        JsonNode type = body.remove("type");
        if (type == null || !type.isTextual() || !Frame.isValidType(type.textValue())) {
            throw new ProtocolException(ErrorCode.BAD_FRAME,
                    "frame needs a string field 'type' like \"chat.send\" (lowercase, dot-separated, at most "
                            + Protocol.MAX_TYPE_LENGTH + " characters)");
        }
        JsonNode rid = body.remove("rid");
        long requestId = 0;
        if (rid != null && !rid.isNull()) {
            if (!rid.isIntegralNumber() || !rid.canConvertToLong() || rid.asLong() < 0) {
                throw new ProtocolException(ErrorCode.BAD_FRAME, "'rid' must be a non-negative integer");
            }
            requestId = rid.asLong();
        }
        return new Frame(type.textValue(), requestId, body);
    }

    /**
     * Serialises a frame to its payload (without the length prefix): a JSON object, or for a frame
     * with {@linkplain Frame#data() data} the binary layout.
     */
    public byte[] encode(Frame frame) {
        byte[] json = encodeJson(frame);
        if (!frame.hasData()) {
            return json;
        }
        if (json.length > Protocol.MAX_BINARY_HEADER_BYTES) {
            throw new IllegalArgumentException("header of binary frame " + frame.type() + " is " + json.length
                    + " bytes, more than " + Protocol.MAX_BINARY_HEADER_BYTES);
        }
        byte[] payload = new byte[3 + json.length + frame.data().length];
        payload[0] = Protocol.BINARY_FRAME_MARKER;
        payload[1] = (byte) (json.length >>> 8);
        payload[2] = (byte) json.length;
        System.arraycopy(json, 0, payload, 3, json.length);
        System.arraycopy(frame.data(), 0, payload, 3 + json.length, frame.data().length);
        return payload;
    }

    private byte[] encodeJson(Frame frame) {
        ObjectNode flat = mapper.createObjectNode();
        flat.put("type", frame.type());
        if (frame.rid() != 0) {
            flat.put("rid", frame.rid());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = frame.body().fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!field.getKey().equals("type") && !field.getKey().equals("rid")) {
                flat.set(field.getKey(), field.getValue());
            }
        }
        try {
            return mapper.writeValueAsBytes(flat);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise frame " + frame.type(), e);
        }
    }

    /** Builds a frame whose body holds the record's (or bean's) fields. */
    public Frame frame(String type, long rid, Object message) {
        JsonNode tree = mapper.valueToTree(message);
        if (!(tree instanceof ObjectNode body)) {
            throw new IllegalArgumentException("message must serialise to a JSON object: " + message);
        }
        return new Frame(type, rid, body);
    }

    /**
     * Reads a frame's body as a message record. Records validate themselves in their constructors; a
     * violation, a missing field or a wrongly typed field becomes {@link ErrorCode#BAD_REQUEST}.
     */
    public <T> T read(Frame frame, Class<T> type) throws ProtocolException {
        try {
            return mapper.treeToValue(frame.body(), type);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new ProtocolException(ErrorCode.BAD_REQUEST, frame.type() + ": " + qualified(e, String.valueOf(cause.getMessage())));
        } catch (JsonMappingException e) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, frame.type() + ": " + describe(frame.body(), e));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, frame.type() + ": " + firstLine(e));
        }
    }

    /**
     * A nested record's complaint ("field 'name' ...") with the path to the record in front, as in
     * {@code field 'attachments[2].name' ...}; a top-level record's complaint is left as it is.
     */
    private static String qualified(JsonMappingException e, String message) {
        String path = path(e);
        return path.isEmpty() || !message.startsWith("field '") ? message : "field '" + path + "." + message.substring(7);
    }

    private static String path(JsonMappingException e) {
        StringBuilder name = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                name.append(name.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                name.append('[').append(ref.getIndex()).append(']');
            }
        }
        return name.toString();
    }

    /** Names the offending field, which Jackson's own message leaves to a trailing reference chain. */
    private static String describe(ObjectNode body, JsonMappingException e) {
        StringBuilder name = new StringBuilder();
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                name.append(name.isEmpty() ? "" : ".").append(ref.getFieldName());
                pointer.append('/').append(ref.getFieldName().replace("~", "~0").replace("/", "~1"));
            } else if (ref.getIndex() >= 0) {
                name.append('[').append(ref.getIndex()).append(']');
                pointer.append('/').append(ref.getIndex());
            }
        }
        String detail = firstLine(e.getOriginalMessage());
        if (name.isEmpty()) {
            return detail;
        }
        JsonNode value = body.at(pointer.toString());
        if (value.isMissingNode() || value.isNull()) {
            return "field '" + name + "' is required";
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "field '" + name + "' must be " + jsonKind(mismatch.getTargetType());
        }
        return "field '" + name + "' is invalid: " + detail;
    }

    private static String jsonKind(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
            return "an integer";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }

    /** The mapper, for plugins that want to (de)serialise their own message records the same way. */
    public ObjectMapper mapper() {
        return mapper;
    }

    private static String firstLine(Exception e) {
        return firstLine(e.getMessage());
    }

    private static String firstLine(String text) {
        String message = String.valueOf(text);
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
