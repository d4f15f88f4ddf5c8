package org.confab.protocol.messages;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.confab.protocol.Protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Argument checks used by the message records' constructors; failures become BAD_REQUEST errors. */
final class Check {
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]+");

    private Check() {
    }

    static String text(String field, String value, int maxLength) {
        if (value == null) {
            throw new IllegalArgumentException("field '" + field + "' is required");
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException("field '" + field + "' is longer than " + maxLength + " characters");
        }
        return value;
    }

    static String optionalText(String field, String value, int maxLength) {
        return value == null ? null : text(field, value, maxLength);
    }

    static String nonBlank(String field, String value, int maxLength) {
        text(field, value, maxLength);
        if (value.isBlank()) {
            throw new IllegalArgumentException("field '" + field + "' must not be blank");
        }
        return value;
    }

    static int range(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("field '" + field + "' must be between " + min + " and " + max);
        }
        return value;
    }

    static Integer optionalRange(String field, Integer value, int min, int max) {
        return value == null ? null : range(field, value, min, max);
    }

    static <T> List<T> list(String field, List<T> value, int maxSize) {
        if (value == null) {
            return List.of();
        }
        if (value.size() > maxSize) {
            throw new IllegalArgumentException("field '" + field + "' has more than " + maxSize + " entries");
        }
        for (T element : value) {
            if (element == null) {
                throw new IllegalArgumentException("field '" + field + "' contains null");
            }
        }
        return List.copyOf(value);
    }

    /** Letters, digits, '_' and '-' only, as ids that end up in paths and URLs must be. */
    static String token(String field, String value, int maxLength) {
        text(field, value, maxLength);
        if (!TOKEN.matcher(value).matches()) {
            throw new IllegalArgumentException("field '" + field + "' may hold only letters, digits, '_' and '-'");
        }
        return value;
    }

    /** Non-blank text without control characters: it is shown to people, so no line breaks that could fake a line. */
    static String printable(String field, String value, int maxLength) {
        nonBlank(field, value, maxLength);
        if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("field '" + field + "' must not contain control characters");
        }
        return value;
    }

    /** A message kind: {@link MessageKinds#TEXT} when absent, otherwise named like a message type. */
    static String kind(String kind) {
        if (kind == null || MessageKinds.TEXT.equals(kind)) {
            return MessageKinds.TEXT; // the common case, without the pattern match
        }
        if (!MessageKinds.isValid(kind)) {
            throw new IllegalArgumentException("field 'kind' must be lowercase and dot-separated like \"x.dice\", at most "
                    + Protocol.MAX_TYPE_LENGTH + " characters");
        }
        return kind;
    }

    /** Metadata within its bounds; an empty object means none and becomes null (absent on the wire). */
    static ObjectNode meta(ObjectNode meta) {
        if (meta == null || meta.isEmpty()) {
            return null;
        }
        if (depth(meta) > Protocol.MAX_META_DEPTH) {
            throw new IllegalArgumentException("field 'meta' is nested deeper than " + Protocol.MAX_META_DEPTH + " levels");
        }
        int bytes = meta.toString().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > Protocol.MAX_META_BYTES) {
            throw new IllegalArgumentException("field 'meta' is " + bytes + " bytes encoded, more than " + Protocol.MAX_META_BYTES);
        }
        return meta;
    }

    /** Levels of objects and arrays; the codec already bounds the whole frame's nesting, so recursion is shallow. */
    private static int depth(JsonNode node) {
        if (!node.isContainerNode()) {
            return 0;
        }
        int deepest = 0;
        for (JsonNode child : node) {
            deepest = Math.max(deepest, depth(child));
        }
        return deepest + 1;
    }

    /** An optional map of bounded strings: absent is empty; the copy is unmodifiable and keeps the order. */
    static Map<String, String> map(String field, Map<String, String> value, int maxSize, int maxKey, int maxValue) {
        if (value == null) {
            return Map.of();
        }
        if (value.size() > maxSize) {
            throw new IllegalArgumentException("field '" + field + "' has more than " + maxSize + " entries");
        }
        Map<String, String> copy = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : value.entrySet()) {
            String key = entry.getKey();
            if (key == null || key.isEmpty() || key.length() > maxKey) {
                throw new IllegalArgumentException("field '" + field + "' has a key that is empty or longer than "
                        + maxKey + " characters");
            }
            if (entry.getValue() == null || entry.getValue().length() > maxValue) {
                throw new IllegalArgumentException("field '" + field + "' has no value or one longer than " + maxValue
                        + " characters for '" + key + "'");
            }
            copy.put(key, entry.getValue());
        }
        return Collections.unmodifiableMap(copy);
    }
}
