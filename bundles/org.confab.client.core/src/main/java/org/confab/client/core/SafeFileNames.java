package org.confab.client.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Turns a file name that came over the network into one that is safe to create in a folder the user
 * chose. The rules are the strictest of the platforms Confab runs on, applied everywhere, so a name
 * received on Linux stays valid when the folder is later copied to Windows:
 * <ul>
 * <li>only the last segment survives: everything up to the last {@code /} or {@code \} is dropped
 * ({@code ../../etc/passwd} becomes {@code passwd}, {@code C:\x} becomes {@code x});</li>
 * <li>control characters, Unicode format characters (such as the right-to-left override that disguises
 * {@code exe} as {@code txt}) and line separators are removed; the name is NFC-normalised;</li>
 * <li>{@code < > : " | ? *} become {@code _};</li>
 * <li>leading dots and spaces are dropped (no hidden files, no {@code .} or {@code ..}), and so are
 * trailing dots and spaces (Windows drops them itself, so two names would meet);</li>
 * <li>Windows device names ({@code CON}, {@code NUL}, {@code COM1}, {@code LPT9}, ... also with an
 * extension, as in {@code nul.txt}) get a leading {@code _};</li>
 * <li>the name is cut to {@value #MAX_BYTES} bytes of UTF-8, keeping a short extension and whole
 * characters;</li>
 * <li>what is left empty becomes {@code file}.</li>
 * </ul>
 * {@link #resolve} then picks the first name not taken in the folder: {@code report.pdf},
 * {@code report (1).pdf}, {@code report (2).pdf}... Pure functions apart from {@code resolve}'s look at
 * the folder; thread-safe.
 */
public final class SafeFileNames {
    /** The longest name produced, in bytes of UTF-8; below every common file system's 255. */
    public static final int MAX_BYTES = 200;
    /** A name reduced to nothing. */
    public static final String FALLBACK = "file";

    /** Longest extension kept when a name is cut, so a long "extension" cannot eat the name. */
    private static final int MAX_EXTENSION_BYTES = 16;
    private static final int MAX_COPIES = 100_000;
    private static final Set<String> DEVICES = Set.of("CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$", "CLOCK$",
            "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "COM¹", "COM²", "COM³",
            "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9", "LPT¹", "LPT²", "LPT³");

    private SafeFileNames() {
    }

    /**
     * The safe form of an untrusted name, without looking at any folder.
     *
     * @param untrusted a name as a peer sent it; null counts as empty
     */
    public static String sanitize(String untrusted) {
        String name = untrusted == null ? "" : Normalizer.normalize(untrusted, Normalizer.Form.NFC);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = cleanCharacters(name);
        name = limit(trim(name), "");
        // after the cut, which may leave a bare device name such as CON from "CON      x"; the _ may
        // need one more byte of room
        name = limit(unreserved(name), "");
        return name.isEmpty() ? FALLBACK : name;
    }

    /**
     * A path in {@code folder} for a file a peer named {@code untrusted}: the {@link #sanitize safe name},
     * or the first of {@code name (1).ext}, {@code name (2).ext}... that does not exist yet, so nothing
     * is overwritten. The result is always a direct child of {@code folder}. Another process may take the
     * name before the caller creates it: create it with an operation that fails if it exists.
     *
     * @throws IOException when a hundred thousand copies exist already
     */
    public static Path resolve(Path folder, String untrusted) throws IOException {
        Objects.requireNonNull(folder, "folder");
        return resolve(folder, untrusted, candidate -> Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)
                || Files.isSymbolicLink(candidate));
    }

    /** {@link #resolve(Path, String)} with the question "is this name taken?" answered by {@code taken}. */
    static Path resolve(Path folder, String untrusted, Predicate<Path> taken) throws IOException {
        String name = sanitize(untrusted);
        for (int copy = 0; copy <= MAX_COPIES; copy++) {
            Path candidate = folder.resolve(copy == 0 ? name : numbered(name, copy));
            if (!folder.equals(candidate.getParent())) {
                throw new IllegalStateException("a sanitised name left the folder: " + candidate); // cannot happen
            }
            if (!taken.test(candidate)) {
                return candidate;
            }
        }
        throw new IOException("more than " + MAX_COPIES + " files named like " + name + " in " + folder);
    }

    /** {@code name (n).ext}, still within {@link #MAX_BYTES}. */
    static String numbered(String name, int copy) {
        return limit(name, " (" + copy + ")");
    }

    private static String cleanCharacters(String name) {
        StringBuilder clean = new StringBuilder(Math.min(name.length(), 4 * MAX_BYTES));
        name.codePoints().forEach(c -> {
            int type = Character.getType(c);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || type == Character.UNASSIGNED
                    || type == Character.SURROGATE || type == Character.PRIVATE_USE) {
                return;
            }
            if ("<>:\"|?*".indexOf(c) >= 0) {
                clean.append('_');
            } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                clean.append(' '); // tabs are gone already; odd spaces (no-break, ideographic) become plain ones
            } else {
                clean.appendCodePoint(c);
            }
        });
        return clean.toString();
    }

    private static String trim(String name) {
        int start = 0;
        int end = name.length();
        while (start < end && (name.charAt(start) == '.' || name.charAt(start) == ' ')) {
            start++;
        }
        while (end > start && (name.charAt(end - 1) == '.' || name.charAt(end - 1) == ' ')) {
            end--;
        }
        return name.substring(start, end);
    }

    /** Windows opens the device for {@code CON}, {@code con.txt} and {@code CON .tar.gz} alike. */
    private static String unreserved(String name) {
        int dot = name.indexOf('.');
        String stem = (dot < 0 ? name : name.substring(0, dot)).stripTrailing().toUpperCase(Locale.ROOT);
        return DEVICES.contains(stem) ? "_" + name : name;
    }

    /**
     * {@code name} with {@code suffix} before its extension, cut so the whole fits {@link #MAX_BYTES}
     * bytes: the stem loses characters from its end, the extension is kept when it is short.
     */
    private static String limit(String name, String suffix) {
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && utf8(name.substring(dot)) <= MAX_EXTENSION_BYTES ? name.substring(dot) : "";
        String stem = name.substring(0, name.length() - extension.length());
        int room = MAX_BYTES - utf8(extension) - utf8(suffix);
        if (utf8(stem) > room) {
            stem = trim(cut(stem, room));
        }
        return stem + suffix + extension;
    }

    /** The longest prefix of whole code points that fits {@code bytes} bytes of UTF-8. */
    private static String cut(String text, int bytes) {
        int used = 0;
        int end = 0;
        while (end < text.length()) {
            int c = text.codePointAt(end);
            int size = utf8(new String(Character.toChars(c)));
            if (used + size > bytes) {
                break;
            }
            used += size;
            end += Character.charCount(c);
        }
        return text.substring(0, end);
    }

    private static int utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
