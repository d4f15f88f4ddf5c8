package org.confab.protocol.messages;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Argument checks used by the message records' constructors; failures become BAD_REQUEST errors. */
final class Check {
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
