package org.confab.protocol;

import java.util.Objects;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One protocol frame: a namespaced {@code type}, a request id ({@code rid}, 0 for pushes and
 * fire-and-forget frames) and the remaining JSON fields as {@code body}. On the wire the three share
 * one flat JSON object.
 *
 * <p>A frame may also carry raw bytes ({@code data}, protocol version 2): file chunks travel this way
 * instead of as base64 inside the JSON, which would cost a third more bytes and a copy through a string
 * on both sides. {@code data} is {@code null} for an ordinary frame; the array is not copied, so whoever
 * builds a frame hands the bytes over.
 */
public record Frame(String type, long rid, ObjectNode body, byte[] data) {

    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");

    public Frame {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(body, "body");
        if (!isValidType(type)) {
            throw new IllegalArgumentException("invalid message type: " + type);
        }
        if (rid < 0) {
            throw new IllegalArgumentException("negative request id");
        }
    }

    /** An ordinary (JSON only) frame. */
    public Frame(String type, long rid, ObjectNode body) {
        this(type, rid, body, null);
    }

    /** This frame carrying {@code bytes} as its binary data (handed over, not copied). */
    public Frame withData(byte[] bytes) {
        return new Frame(type, rid, body, Objects.requireNonNull(bytes, "bytes"));
    }

    /** Whether the frame carries binary data (a binary frame on the wire). */
    public boolean hasData() {
        return data != null;
    }

    /** Length of the binary data, 0 for an ordinary frame. */
    public int dataLength() {
        return data == null ? 0 : data.length;
    }

    /** A frame with an empty body. */
    public static Frame of(String type, long rid) {
        return new Frame(type, rid, JsonNodeFactory.instance.objectNode());
    }

    /** Whether {@code type} is a well-formed, namespaced message type name. */
    public static boolean isValidType(String type) {
        return type != null && type.length() <= Protocol.MAX_TYPE_LENGTH && TYPE.matcher(type).matches();
    }

    @Override
    public String toString() {
        // The bytes themselves would flood a log line; their count is what a reader needs.
        return "Frame[type=" + type + ", rid=" + rid + ", body=" + body
                + (data == null ? "" : ", data=" + data.length + " bytes") + "]";
    }

    /** The type a successful response to this request carries: {@code <type>.ok}. */
    public String okType() {
        return type + ".ok";
    }
}
