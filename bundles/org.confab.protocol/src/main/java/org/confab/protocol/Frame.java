package org.confab.protocol;

import java.util.Objects;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One protocol frame: a namespaced {@code type}, a request id ({@code rid}, 0 for pushes and
 * fire-and-forget frames) and the remaining JSON fields as {@code body}. On the wire the three share
 * one flat JSON object.
 */
public record Frame(String type, long rid, ObjectNode body) {

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

    /** A frame with an empty body. */
    public static Frame of(String type, long rid) {
        return new Frame(type, rid, JsonNodeFactory.instance.objectNode());
    }

    /** Whether {@code type} is a well-formed, namespaced message type name. */
    public static boolean isValidType(String type) {
        return type != null && type.length() <= Protocol.MAX_TYPE_LENGTH && TYPE.matcher(type).matches();
    }

    /** The type a successful response to this request carries: {@code <type>.ok}. */
    public String okType() {
        return type + ".ok";
    }
}
