package org.confab.client.ui.internal.model;

import java.util.stream.Collectors;

/** A message quoted into a reply, the way mail and chat quote: each line after "> ", who wrote it first. */
public final class Quotes {
    /** Longer quotes are cut: a reply quotes to remind, not to repeat. */
    static final int MAX_QUOTED = 500;

    private Quotes() {
    }

    public static String reply(String sender, String text) {
        String quoted = text.strip();
        if (quoted.length() > MAX_QUOTED) {
            quoted = quoted.substring(0, MAX_QUOTED).strip() + "\u2026";
        }
        String lines = quoted.lines().map(line -> line.isEmpty() ? ">" : "> " + line)
                .collect(Collectors.joining("\n"));
        return "> " + sender + " wrote:\n" + lines + "\n";
    }
}
