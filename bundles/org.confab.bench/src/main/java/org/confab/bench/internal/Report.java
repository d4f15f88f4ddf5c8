package org.confab.bench.internal;

import java.io.PrintStream;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** One result line: human-readable, or a JSON object with {@code --json}. */
final class Report {
    private final Map<String, Object> fields = new LinkedHashMap<>();

    Report put(String name, Object value) {
        fields.put(name, value instanceof Double d ? Math.round(d * 100) / 100.0 : value);
        return this;
    }

    void print(PrintStream out, boolean json) {
        if (json) {
            try {
                out.println(new ObjectMapper().writeValueAsString(fields));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else {
            StringBuilder line = new StringBuilder();
            fields.forEach((name, value) -> line.append(line.isEmpty() ? "" : "  ").append(name).append('=').append(text(value)));
            out.println(line);
        }
        out.flush();
    }

    /** A list as {@code a,b,c} ({@code -} when empty), so a text line stays split by double spaces. */
    private static String text(Object value) {
        if (value instanceof Collection<?> items) {
            return items.isEmpty() ? "-" : String.join(",", items.stream().map(String::valueOf).toList());
        }
        return String.valueOf(value);
    }
}
