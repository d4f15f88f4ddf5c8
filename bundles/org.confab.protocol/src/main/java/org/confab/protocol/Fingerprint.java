package org.confab.protocol;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The SHA-256 fingerprint of a server's TLS certificate (of its DER encoding), which is how a client
 * recognises a server whose certificate is self-signed. Written like OpenSSH writes key fingerprints,
 * {@code SHA256:} followed by unpadded base64; {@link #parse} also accepts the hexadecimal form that
 * {@code openssl x509 -fingerprint -sha256} prints, so an operator can check either way.
 */
public record Fingerprint(byte[] sha256) {
    private static final String PREFIX = "SHA256:";
    private static final int LENGTH = 32;

    public Fingerprint {
        if (sha256.length != LENGTH) {
            throw new IllegalArgumentException("a SHA-256 fingerprint has 32 bytes, not " + sha256.length);
        }
        sha256 = sha256.clone();
    }

    /** The fingerprint of a DER-encoded certificate. */
    public static Fingerprint of(byte[] encodedCertificate) {
        try {
            return new Fingerprint(MessageDigest.getInstance("SHA-256").digest(encodedCertificate));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * Reads {@code SHA256:<base64>} or 64 hex digits, with or without colons and an optional
     * {@code SHA256:} prefix.
     *
     * @throws IllegalArgumentException naming what is wrong with the text
     */
    public static Fingerprint parse(String text) {
        String value = text.strip();
        if (value.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            value = value.substring(PREFIX.length());
        } else if (value.regionMatches(true, 0, "SHA256 Fingerprint=", 0, 19)) {
            value = value.substring(19);
        }
        String hex = value.replace(":", "");
        if (hex.length() == 2 * LENGTH && hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return new Fingerprint(HexFormat.of().parseHex(hex.toLowerCase(Locale.ROOT)));
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(value.replace("=", "").getBytes(StandardCharsets.US_ASCII));
            if (bytes.length == LENGTH) {
                return new Fingerprint(bytes);
            }
        } catch (IllegalArgumentException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("not a SHA-256 fingerprint: '" + text
                + "' (expected SHA256: and 43 base64 characters, or 64 hex digits)");
    }

    @Override
    public byte[] sha256() {
        return sha256.clone();
    }

    /** Colon-separated upper-case hex, as {@code openssl x509 -fingerprint -sha256} prints it. */
    public String toHex() {
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(sha256);
    }

    /** Constant-time comparison; fingerprints are not secret, but there is no reason to leak timing. */
    public boolean matches(Fingerprint other) {
        return MessageDigest.isEqual(sha256, other.sha256);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Fingerprint fingerprint && matches(fingerprint);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(sha256);
    }

    @Override
    public String toString() {
        return PREFIX + Base64.getEncoder().withoutPadding().encodeToString(sha256);
    }
}
