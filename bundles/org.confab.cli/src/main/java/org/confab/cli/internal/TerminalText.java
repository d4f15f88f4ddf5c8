package org.confab.cli.internal;

/**
 * Text from other users made safe for a terminal. A message can carry ESC sequences (clear the
 * screen, retitle the window, on some terminals write files or fake a prompt), a carriage return that
 * overwrites what was printed, C1 controls that some terminals read as ESC, and bidirectional
 * overrides that make text read differently from what it is. Each of those is printed as a visible
 * escape ({@code \e}, {@code \r}, {@code \u202E}) instead; newlines and tabs stay, so multi-line
 * messages still read as lines. JSON output needs none of this: the encoder escapes controls itself.
 */
final class TerminalText {

    private TerminalText() {
    }

    static String safe(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\t' || !unsafe(c)) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            out.append(switch (c) {
                case 0x1b -> "\\e";
                case '\r' -> "\\r";
                default -> String.format("\\u%04X", (int) c);
            });
        }
        return out == null ? text : out.toString();
    }

    private static boolean unsafe(char c) {
        return c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) // C0, DEL, C1
                || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) // bidi embeddings, overrides, isolates
                || c == 0x200e || c == 0x200f || c == 0x061c; // direction marks
    }
}
