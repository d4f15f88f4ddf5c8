package org.confab.server.admin.internal;

/** Counted nouns for people to read: {@code 1 session}, {@code 2 sessions}, {@code 0 entries}. */
final class Words {
    private Words() {
    }

    static String count(long n, String noun) {
        if (n == 1) {
            return "1 " + noun;
        }
        return n + " " + (noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s");
    }
}
