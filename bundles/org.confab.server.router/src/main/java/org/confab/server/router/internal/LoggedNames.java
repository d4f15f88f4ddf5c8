package org.confab.server.router.internal;

/**
 * A name typed by an unauthenticated client, made safe for a log line. Before login a "username" is
 * whatever the client sent (up to 64 characters); with a CR or LF in it, it could start a forged log
 * line ("... failed login for 'x'\n... login #7 user=admin ..."), and terminal escapes would act on
 * whoever reads the log in a terminal. Controls are written as {@code \n}, {@code \r} or
 * {@code \u001B}.
 */
final class LoggedNames {

    private LoggedNames() {
    }

    static String safe(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || (c >= 0x2028 && c <= 0x202e)
                    || (c >= 0x2066 && c <= 0x2069)) {
                out.append(String.format("\\u%04X", (int) c));
            } else if (c == '\\') {
                out.append("\\\\");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
