package org.confab.server.persistence.internal;

import java.util.Locale;

/** LIKE patterns from user input, for queries that declare {@code ESCAPE '!'}. */
final class LikePatterns {
    private LikePatterns() {
    }

    /** A pattern matching the literal text anywhere, ignoring case: the user's % and _ are escaped, not wildcards. */
    static String containing(String text) {
        String escaped = text.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return "%" + escaped + "%";
    }
}
