package org.confab.server.tests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * docs/protocol.md as the conformance suite reads it: the text of a numbered section, and the
 * conformance checklist (section 17) that names one test per normative statement and quotes it.
 */
final class ProtocolDocument {
    /** A checklist row: {@code | `section2_name` | quoted statement |}. */
    private static final Pattern ROW = Pattern.compile("^\\| `(section[0-9_]+[A-Za-z0-9_]*)` \\| (.+) \\|$");
    private static final Pattern HEADING = Pattern.compile("^(#{2,3}) ([0-9]+(?:\\.[0-9]+)?)\\.? .*");
    private static final Pattern SECTION_OF_TEST = Pattern.compile("^section((?:[0-9]+_)+)[a-z].*");

    private final List<String> lines;

    private ProtocolDocument(List<String> lines) {
        this.lines = lines;
    }

    /** The document of this checkout; the build passes its path (docs/ beside the bundles). */
    static ProtocolDocument read() throws IOException {
        Path path = Path.of(System.getProperty("confab.test.protocolDoc", "../../docs/protocol.md"));
        return new ProtocolDocument(Files.readAllLines(path, StandardCharsets.UTF_8));
    }

    /** The section a conformance test is named after: {@code section6_1_x} is section 6.1. */
    static String sectionOf(String testName) {
        Matcher matcher = SECTION_OF_TEST.matcher(testName);
        if (!matcher.matches()) {
            throw new AssertionError("a conformance test is named section<number>_..., not " + testName);
        }
        String digits = matcher.group(1);
        return digits.substring(0, digits.length() - 1).replace('_', '.');
    }

    /** The text of a section (with its subsections), whitespace collapsed so that line breaks do not matter. */
    Optional<String> section(String number) {
        StringBuilder text = new StringBuilder();
        int level = 0;
        for (String line : lines) {
            Matcher heading = HEADING.matcher(line);
            if (level > 0 && heading.matches() && heading.group(1).length() <= level) {
                break;
            }
            if (level == 0 && heading.matches() && heading.group(2).equals(number)) {
                level = heading.group(1).length();
            }
            if (level > 0) {
                text.append(line.strip()).append(' ');
            }
        }
        return level == 0 ? Optional.empty() : Optional.of(collapse(text.toString()));
    }

    /** Test name to the statement it checks, in the order of the checklist. */
    Map<String, String> checklist() {
        Map<String, String> rows = new LinkedHashMap<>();
        for (String line : lines) {
            Matcher row = ROW.matcher(line);
            if (row.matches() && rows.put(row.group(1), collapse(row.group(2))) != null) {
                throw new AssertionError("the checklist names " + row.group(1) + " twice");
            }
        }
        return rows;
    }

    static String collapse(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
