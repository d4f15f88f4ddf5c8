package org.confab.protocol.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The conformance checklist of docs/protocol.md (section 17) quotes each normative statement under the
 * name of the server test that checks it. A statement edited in its section but not in the list (or
 * the reverse) fails here at once, without starting a server; the server suite then checks behaviour.
 */
class ConformanceChecklistTest {
    private static final Pattern ROW = Pattern.compile("^\\| `section((?:[0-9]+_)+)[a-z][A-Za-z0-9]*` \\| (.+) \\|$");
    private static final Pattern HEADING = Pattern.compile("^(#{2,3}) ([0-9]+(?:\\.[0-9]+)?)\\.? .*");

    @Test
    void everyStatementStandsWordForWordInItsSection() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("..", "..", "docs", "protocol.md"), StandardCharsets.UTF_8);
        List<String> missing = new ArrayList<>();
        int rows = 0;
        for (String line : lines) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                rows++;
                String number = row.group(1).substring(0, row.group(1).length() - 1).replace('_', '.');
                if (!section(lines, number).contains(collapse(row.group(2)))) {
                    missing.add("section " + number + ": " + row.group(2));
                }
            }
        }
        assertTrue(rows >= 30, "the checklist has only " + rows + " lines");
        assertEquals(List.of(), missing, "checklist statements that their sections no longer say");
    }

    /** A section with its subsections, whitespace collapsed so that line breaks do not matter. */
    private static String section(List<String> lines, String number) {
        StringBuilder text = new StringBuilder();
        int level = 0;
        for (String line : lines) {
            Matcher heading = HEADING.matcher(line);
            if (heading.matches() && level > 0 && heading.group(1).length() <= level) {
                break;
            }
            if (heading.matches() && level == 0 && heading.group(2).equals(number)) {
                level = heading.group(1).length();
            }
            if (level > 0) {
                text.append(line).append(' ');
            }
        }
        return collapse(text.toString());
    }

    private static String collapse(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
