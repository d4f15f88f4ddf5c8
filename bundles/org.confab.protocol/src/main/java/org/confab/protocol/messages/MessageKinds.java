package org.confab.protocol.messages;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.confab.protocol.Frame;
import org.confab.protocol.messages.Messages.Attachment;

/**
 * Message kinds (protocol version 2) and the readable fallback a version-1 peer gets instead. Kinds
 * are named like message types ({@code area.name}, lowercase); plugins use their own namespace, for
 * example {@code x.dice}.
 */
public final class MessageKinds {
    /** A plain text message: the default when a message names no kind. */
    public static final String TEXT = "text";
    /** A file offered for download; its attachment references name the file. */
    public static final String FILE = "file";
    /** A picture, for example a screenshot. */
    public static final String IMAGE = "image";

    private MessageKinds() {
    }

    /** Whether {@code kind} is well-formed: lowercase, dot-separated words, at most 64 characters. */
    public static boolean isValid(String kind) {
        return Frame.isValidType(kind);
    }

    /**
     * The line that stands in for what a text-only reader cannot show, or empty for a plain text
     * message: {@code [x.dice message]}, or with attachments {@code [file: report.pdf, 2.1 MB]}
     * ({@code [attachment: ...]} for a text message with attachments; several are separated by "; ").
     */
    public static Optional<String> fallbackLine(String kind, List<Attachment> attachments) {
        boolean text = TEXT.equals(kind);
        if (attachments.isEmpty()) {
            return text ? Optional.empty() : Optional.of("[" + kind + " message]");
        }
        String files = attachments.stream().map(a -> a.name() + ", " + size(a.size())).collect(Collectors.joining("; "));
        return Optional.of("[" + (text ? "attachment" : kind) + ": " + files + "]");
    }

    /** The text followed by the fallback line on a line of its own (or the line alone when there is no text). */
    public static String readableText(String kind, String text, List<Attachment> attachments) {
        return fallbackLine(kind, attachments).map(line -> text.isEmpty() ? line : text + "\n" + line).orElse(text);
    }

    /** A size for people: {@code 512 B}, {@code 20.0 KB}, {@code 2.1 MB} (binary multiples). */
    public static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = { "KB", "MB", "GB", "TB", "PB", "EB" };
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
