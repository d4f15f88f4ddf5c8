package org.confab.client.ui.internal.model;

import java.util.Arrays;
import java.util.StringJoiner;

import org.confab.protocol.Fingerprint;

/**
 * A fingerprint laid out for people to compare with what the server's administrator gave them. Both
 * forms the server logs are shown, because an administrator may hand out either: the {@code SHA256:}
 * base64 form, and the colon-separated hex form of {@code openssl x509 -fingerprint -sha256}, in two
 * rows of 16 bytes so the eye can check it piece by piece.
 */
public final class FingerprintText {
    private static final int BYTES_PER_ROW = 16;

    private FingerprintText() {
    }

    /** The base64 form on the first line, then the hex form in rows. */
    public static String of(Fingerprint fingerprint) {
        return fingerprint + "\n" + hexRows(fingerprint);
    }

    /** {@code AB:CD:...} with a line break after every 16 bytes. */
    public static String hexRows(Fingerprint fingerprint) {
        String[] bytes = fingerprint.toHex().split(":");
        StringJoiner rows = new StringJoiner("\n");
        for (int start = 0; start < bytes.length; start += BYTES_PER_ROW) {
            rows.add(String.join(":", Arrays.copyOfRange(bytes, start, Math.min(bytes.length, start + BYTES_PER_ROW))));
        }
        return rows.toString();
    }
}
