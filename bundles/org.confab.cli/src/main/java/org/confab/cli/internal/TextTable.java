package org.confab.cli.internal;

import java.util.ArrayList;
import java.util.List;

/** Lines of left-aligned columns for people, such as a list of accounts; the last column is not padded. */
final class TextTable {
    private static final String GAP = "  ";

    private TextTable() {
    }

    /** The rows (the header first) with every column as wide as its widest cell. */
    static List<String> format(List<List<String>> rows) {
        int columns = rows.stream().mapToInt(List::size).max().orElse(0);
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(i + 1 < row.size() ? String.format("%-" + widths[i] + "s", row.get(i)) + GAP : row.get(i));
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }
}
