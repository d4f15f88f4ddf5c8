package org.confab.protocol;

import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
        this.mapper = JsonMapper.builder()
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
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

    /** Parses one frame payload (without its length prefix). */
    public Frame decode(byte[] payload) throws ProtocolException {
        if (payload.length > maxFrameBytes) {
            throw new ProtocolException(ErrorCode.FRAME_TOO_LARGE,
                    "frame of " + payload.length + " bytes exceeds the limit of " + maxFrameBytes);
        }
        JsonNode tree;
        try {
            tree = mapper.readTree(payload);
        } catch (IOException e) {
            throw new ProtocolException(ErrorCode.BAD_FRAME, "frame is not valid UTF-8 JSON: " + firstLine(e));
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
            if (!rid.canConvertToExactIntegral() || !rid.canConvertToLong() || rid.asLong() < 0) {
                throw new ProtocolException(ErrorCode.BAD_FRAME, "'rid' must be a non-negative integer");
            }
            requestId = rid.asLong();
        }
        return new Frame(type.textValue(), requestId, body);
    }

    /** Serialises a frame to its payload (without the length prefix). */
    public byte[] encode(Frame frame) {
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
            throw new ProtocolException(ErrorCode.BAD_REQUEST, frame.type() + ": " + cause.getMessage());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, frame.type() + ": " + firstLine(e));
        }
    }

    /** The mapper, for plugins that want to (de)serialise their own message records the same way. */
    public ObjectMapper mapper() {
        return mapper;
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
