package org.confab.protocol;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The SCRAM-SHA-256 computations (RFC 5802 / RFC 7677) shared by server and client. The server stores
 * only salt, iteration count, StoredKey and ServerKey; a login costs it two HMACs and a hash, while
 * the slow PBKDF2 runs on the client. The same stored credentials can later serve an XMPP listener.
 * The auth message is Confab's own framing of the exchanged values (docs/protocol.md), not RFC 5802's
 * GS2 text, because the values travel in JSON frames rather than SASL.
 */
public final class Scram {
    /** Default PBKDF2 iteration count for new credentials. */
    public static final int DEFAULT_ITERATIONS = 100_000;
    /** Fewest iterations a client accepts from a server (RFC 7677 recommends at least 4096). */
    public static final int MIN_ITERATIONS = 4096;
    /** Most iterations a client accepts, so a hostile server cannot make it burn CPU forever. */
    public static final int MAX_ITERATIONS = 10_000_000;

    private static final SecureRandom RANDOM = new SecureRandom();

    private Scram() {
    }

    /** Stored credentials derived from a password; the password itself is never kept. */
    public record Credentials(byte[] salt, int iterations, byte[] storedKey, byte[] serverKey) {
    }

    /** Derives fresh credentials with a random 16-byte salt. */
    public static Credentials create(String password, int iterations) {
        byte[] salt = randomBytes(16);
        byte[] salted = saltedPassword(password, salt, iterations);
        return new Credentials(salt, iterations, sha256(hmac(salted, "Client Key")), hmac(salted, "Server Key"));
    }

    /** PBKDF2-HMAC-SHA256 of the NFKC-normalised password: the expensive step. */
    public static byte[] saltedPassword(String password, byte[] salt, int iterations) {
        String normalized = Normalizer.normalize(password, Normalizer.Form.NFKC);
        try {
            PBEKeySpec spec = new PBEKeySpec(normalized.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 unavailable", e);
        }
    }

    /** The text both sides sign: every value exchanged during the login, in order. */
    public static String authMessage(String username, String clientNonce, byte[] salt, int iterations,
            String combinedNonce) {
        return "n=" + username + ",r=" + clientNonce + ",s=" + base64(salt) + ",i=" + iterations + ",c=" + combinedNonce;
    }

    /** ClientProof = ClientKey XOR HMAC(StoredKey, AuthMessage). */
    public static byte[] clientProof(byte[] saltedPassword, String authMessage) {
        byte[] clientKey = hmac(saltedPassword, "Client Key");
        byte[] signature = hmac(sha256(clientKey), authMessage);
        return xor(clientKey, signature);
    }

    /** Whether a client's proof matches the stored key (constant time). */
    public static boolean verifyProof(byte[] storedKey, String authMessage, byte[] proof) {
        if (proof.length != 32) {
            return false;
        }
        byte[] clientKey = xor(proof, hmac(storedKey, authMessage));
        return MessageDigest.isEqual(sha256(clientKey), storedKey);
    }

    /** ServerSignature = HMAC(ServerKey, AuthMessage): lets the client check the server knew its key. */
    public static byte[] serverSignature(byte[] serverKey, String authMessage) {
        return hmac(serverKey, authMessage);
    }

    /** The server key a client can compute from its salted password, to check the server's signature. */
    public static byte[] serverKey(byte[] saltedPassword) {
        return hmac(saltedPassword, "Server Key");
    }

    public static String nonce() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(18));
    }

    /** Shortest client nonce: 16 random bytes in unpadded base64 (protocol section 8.1). */
    public static final int MIN_CLIENT_NONCE = 22;
    /** Longest client nonce. */
    public static final int MAX_CLIENT_NONCE = 128;

    /**
     * Whether a client nonce follows protocol section 8.1: long enough to hold 16 random bytes, and only
     * printable ASCII without ',' (the separator of the auth message both sides sign).
     */
    public static boolean isValidClientNonce(String nonce) {
        return nonce != null && nonce.length() >= MIN_CLIENT_NONCE && nonce.length() <= MAX_CLIENT_NONCE
                && nonce.chars().allMatch(c -> c >= '!' && c <= '~' && c != ',');
    }

    public static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    public static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** Decodes base64 from the network; malformed input is a protocol error, not an exception. */
    public static byte[] fromBase64(String field, String value) throws ProtocolException {
        if (value == null) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "field '" + field + "' is required");
        }
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "field '" + field + "' is not valid base64");
        }
    }

    public static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private static byte[] xor(byte[] a, byte[] b) {
        byte[] result = new byte[a.length];
        for (int i = 0; i < a.length; i++) {
            result[i] = (byte) (a[i] ^ b[i]);
        }
        return result;
    }
}
