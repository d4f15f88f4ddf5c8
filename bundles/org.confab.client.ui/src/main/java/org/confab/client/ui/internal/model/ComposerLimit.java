package org.confab.client.ui.internal.model;

import java.util.Optional;

/**
 * The composer's character counter: silent while the text is far from the limit, then how many
 * characters are left, then by how many the text is too long. Counted like the server counts (UTF-16
 * code units of the stripped text), so "0 left" is exactly what the server still accepts.
 */
public final class ComposerLimit {
    /** One state of the counter: its words, and whether sending is refused. */
    public record Count(String text, boolean over) {
    }

    private final int limit;
    private final int warnFrom;

    /** @param limit the longest text sent; the counter shows from nine tenths of it */
    public ComposerLimit(int limit) {
        this.limit = limit;
        this.warnFrom = limit - limit / 10;
    }

    /** The counter for what the composer holds; empty while it stays silent. */
    public Optional<Count> count(String typed) {
        int length = typed.strip().length();
        if (length < warnFrom) {
            return Optional.empty();
        }
        if (length <= limit) {
            return Optional.of(new Count((limit - length) + " characters left", false));
        }
        return Optional.of(new Count((length - limit) + " characters too long (at most " + limit + ")", true));
    }

    public boolean tooLong(String typed) {
        return typed.strip().length() > limit;
    }

    public int limit() {
        return limit;
    }
}
