package org.confab.protocol;

import static org.confab.protocol.Wire.assertProtocolError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScramTest {

    /** Far below what a server would use, to keep the suite fast; no property tested depends on it. */
    private static final int ITERATIONS = 64;

    private static byte[] b64(String text) {
        return Base64.getDecoder().decode(text);
    }

    /** A complete login as client and server would run it; returns whether the server accepts the proof. */
    private static boolean login(Scram.Credentials stored, String typedPassword) {
        String clientNonce = Scram.nonce();
        String combined = clientNonce + Scram.nonce();
        String authMessage = Scram.authMessage("alice", clientNonce, stored.salt(), stored.iterations(), combined);
        byte[] salted = Scram.saltedPassword(typedPassword, stored.salt(), stored.iterations());
        return Scram.verifyProof(stored.storedKey(), authMessage, Scram.clientProof(salted, authMessage));
    }

    @Test
    void primitivesMatchTheRfc7677TestVector() {
        // RFC 7677 section 3, with RFC 5802's auth message: proves PBKDF2, the keys, proof and signature.
        byte[] salted = Scram.saltedPassword("pencil", b64("W22ZaJ0SNY7soEsUEjb6gQ=="), 4096);
        String server = "rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";
        String authMessage = "n=user,r=rOprNGfwEbeRWgbNEkqO,r=" + server + ",s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096,c=biws,r="
                + server;
        assertEquals("dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=",
                Scram.base64(Scram.clientProof(salted, authMessage)));
        assertEquals("6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=",
                Scram.base64(Scram.serverSignature(Scram.serverKey(salted), authMessage)));
    }

    @Test
    void confabTestVectorFromTheProtocolDocument() {
        // The worked example in docs/protocol.md; independent implementations check themselves against it.
        byte[] salt = b64("QSXCR+Q6sek8bf92IGsk8w==");
        String clientNonce = "fyko+d2lbbFgONRv9qkxdawL";
        String combined = clientNonce + "3rfcNHYJY1ZVvWVs7j";
        String authMessage = Scram.authMessage("alice", clientNonce, salt, 4096, combined);
        assertEquals("n=alice,r=fyko+d2lbbFgONRv9qkxdawL,s=QSXCR+Q6sek8bf92IGsk8w==,i=4096,"
                + "c=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j", authMessage);

        byte[] salted = Scram.saltedPassword("correct horse", salt, 4096);
        assertEquals("Hx2csyC723zxQ4tM1+r3KlUvi6yfbC1zaI4I969poV0=", Scram.base64(salted));
        byte[] clientKey = Scram.hmac(salted, "Client Key");
        assertEquals("9I3aMjfRdLZkmM944zaBvtjokjQfANvRXdkgj+iGXl4=", Scram.base64(clientKey));
        byte[] storedKey = Scram.sha256(clientKey);
        assertEquals("zPDgYMwxm1KjWXxaenUrL7lBkseM/Cfp9YmmkYVYlvw=", Scram.base64(storedKey));
        byte[] serverKey = Scram.serverKey(salted);
        assertEquals("eFH7faHSksKDs4uJWRREmXJx02dwFN3PvMOv4yU+TbA=", Scram.base64(serverKey));

        byte[] proof = Scram.clientProof(salted, authMessage);
        assertEquals("kpgDT2rSXrsP+71tsB4PDmfMRRaQazkKqz3+e9YaXwk=", Scram.base64(proof));
        assertTrue(Scram.verifyProof(storedKey, authMessage, proof));
        assertEquals("15t7wVEfwPe5umTjNYtFiZ+a79pu+P49BrA3sJ5jRLo=",
                Scram.base64(Scram.serverSignature(serverKey, authMessage)));
    }

    @Test
    void clientNoncesFollowSection81() {
        assertTrue(Scram.isValidClientNonce(Scram.nonce()), "our own nonces");
        assertTrue(Scram.isValidClientNonce("fyko+d2lbbFgONRv9qkxdawL"), "the test vector's, standard base64");
        assertTrue(Scram.isValidClientNonce("!".repeat(22)));
        assertTrue(Scram.isValidClientNonce("~".repeat(128)));
        for (String bad : new String[] { null, "", "x".repeat(21), "x".repeat(129), "abcdefghijk,lmnopqrstuvw",
                "abcdefghijk lmnopqrstuvw", "abcdefghijkélmnopqrstuvw", "abcdefghijk\tlmnopqrstuvw" }) {
            assertFalse(Scram.isValidClientNonce(bad), String.valueOf(bad));
        }
    }

    @Test
    void createdCredentialsAcceptTheRightPasswordOnly() {
        Scram.Credentials stored = Scram.create("correct horse battery", ITERATIONS);
        assertEquals(16, stored.salt().length);
        assertEquals(ITERATIONS, stored.iterations());
        assertEquals(32, stored.storedKey().length);
        assertEquals(32, stored.serverKey().length);

        assertTrue(login(stored, "correct horse battery"));
        assertFalse(login(stored, "correct horse batterY"));
        assertFalse(login(stored, "correct horse battery "));
        assertFalse(login(stored, ""));
    }

    @Test
    void proofIsBoundToTheAuthMessage() {
        Scram.Credentials stored = Scram.create("pencil-pencil", ITERATIONS);
        byte[] salted = Scram.saltedPassword("pencil-pencil", stored.salt(), ITERATIONS);
        String authMessage = Scram.authMessage("alice", "abc", stored.salt(), ITERATIONS, "abcdef");
        byte[] proof = Scram.clientProof(salted, authMessage);
        assertTrue(Scram.verifyProof(stored.storedKey(), authMessage, proof));
        // A replay against another challenge, or for another user, fails.
        assertFalse(Scram.verifyProof(stored.storedKey(),
                Scram.authMessage("alice", "abc", stored.salt(), ITERATIONS, "abcdeg"), proof));
        assertFalse(Scram.verifyProof(stored.storedKey(),
                Scram.authMessage("mallory", "abc", stored.salt(), ITERATIONS, "abcdef"), proof));
    }

    @Test
    void proofOfTheWrongLengthOrTamperedIsRejected() {
        Scram.Credentials stored = Scram.create("pencil-pencil", ITERATIONS);
        byte[] salted = Scram.saltedPassword("pencil-pencil", stored.salt(), ITERATIONS);
        String authMessage = Scram.authMessage("alice", "n1", stored.salt(), ITERATIONS, "n1n2");
        byte[] proof = Scram.clientProof(salted, authMessage);
        assertFalse(Scram.verifyProof(stored.storedKey(), authMessage, new byte[0]));
        assertFalse(Scram.verifyProof(stored.storedKey(), authMessage, Arrays.copyOf(proof, 31)));
        assertFalse(Scram.verifyProof(stored.storedKey(), authMessage, Arrays.copyOf(proof, 33)));
        assertFalse(Scram.verifyProof(stored.storedKey(), authMessage, new byte[32]));
        byte[] flipped = proof.clone();
        flipped[7] ^= 1;
        assertFalse(Scram.verifyProof(stored.storedKey(), authMessage, flipped));
        // The stored key itself is not a valid proof: a stolen database does not log anybody in.
        assertFalse(Scram.verifyProof(stored.storedKey(), authMessage, stored.storedKey()));
    }

    @Test
    void serverSignatureIsTheSameOnBothSidesOnlyWithTheRightPassword() {
        Scram.Credentials stored = Scram.create("hunter2-hunter2", ITERATIONS);
        String authMessage = Scram.authMessage("alice", "n1", stored.salt(), ITERATIONS, "n1n2");
        byte[] fromServer = Scram.serverSignature(stored.serverKey(), authMessage);
        assertEquals(32, fromServer.length);

        byte[] salted = Scram.saltedPassword("hunter2-hunter2", stored.salt(), ITERATIONS);
        assertArrayEquals(fromServer, Scram.serverSignature(Scram.serverKey(salted), authMessage));
        assertArrayEquals(stored.serverKey(), Scram.serverKey(salted));

        byte[] wrong = Scram.saltedPassword("hunter3-hunter3", stored.salt(), ITERATIONS);
        assertFalse(Arrays.equals(fromServer, Scram.serverSignature(Scram.serverKey(wrong), authMessage)));
        assertFalse(Arrays.equals(fromServer, Scram.serverSignature(stored.serverKey(), authMessage + "x")));
    }

    @Test
    void passwordsAreNormalisedWithNfkc() {
        byte[] salt = new byte[16];
        assertArrayEquals(Scram.saltedPassword("caf\u00e9", salt, ITERATIONS),
                Scram.saltedPassword("cafe\u0301", salt, ITERATIONS));
        assertArrayEquals(Scram.saltedPassword("IX", salt, ITERATIONS), Scram.saltedPassword("\u2168", salt, ITERATIONS));
        assertArrayEquals(Scram.saltedPassword("abc", salt, ITERATIONS),
                Scram.saltedPassword("\uFF41\uFF42\uFF43", salt, ITERATIONS));
        assertFalse(Arrays.equals(Scram.saltedPassword("abc", salt, ITERATIONS),
                Scram.saltedPassword("ABC", salt, ITERATIONS)));
    }

    @Test
    void saltAndIterationsChangeTheKey() {
        byte[] a = Scram.saltedPassword("pw", new byte[16], ITERATIONS);
        assertEquals(32, a.length);
        assertFalse(Arrays.equals(a, Scram.saltedPassword("pw", new byte[] {1}, ITERATIONS)));
        assertFalse(Arrays.equals(a, Scram.saltedPassword("pw", new byte[16], ITERATIONS + 1)));
    }

    @Test
    void eachCredentialGetsItsOwnSalt() {
        Scram.Credentials first = Scram.create("same password", ITERATIONS);
        Scram.Credentials second = Scram.create("same password", ITERATIONS);
        assertFalse(Arrays.equals(first.salt(), second.salt()));
        assertFalse(Arrays.equals(first.storedKey(), second.storedKey()));
    }

    @Test
    void authMessageFormat() {
        byte[] salt = {(byte) 0xFB, (byte) 0xFF, 0x00};
        assertEquals("n=bob,r=cn,s=+/8A,i=4096,c=cnsn", Scram.authMessage("bob", "cn", salt, 4096, "cnsn"));
    }

    @Test
    void base64IsTheStandardAlphabetWithPadding() throws ProtocolException {
        assertEquals("+/8=", Scram.base64(new byte[] {(byte) 0xFB, (byte) 0xFF}));
        assertEquals("AA==", Scram.base64(new byte[] {0}));
        assertArrayEquals(new byte[] {(byte) 0xFB, (byte) 0xFF}, Scram.fromBase64("proof", "+/8="));
        assertArrayEquals(new byte[0], Scram.fromBase64("proof", ""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"!!!!", "abc$", "A", "AAAAA", "-_8=", "AA==AA", "AA AA", "AA\nAA", "Zm9v=====", "\u00e9\u00e9\u00e9\u00e9"})
    void fromBase64OnGarbageIsABadRequestNamingTheField(String garbage) {
        ProtocolException e = assertProtocolError(ErrorCode.BAD_REQUEST, () -> Scram.fromBase64("proof", garbage));
        assertTrue(e.getMessage().contains("'proof'"), e.getMessage());
    }

    @Test
    void fromBase64OnNullIsABadRequest() {
        ProtocolException e = assertProtocolError(ErrorCode.BAD_REQUEST, () -> Scram.fromBase64("salt", null));
        assertTrue(e.getMessage().contains("'salt'"), e.getMessage());
    }

    @Test
    void noncesAreUrlSafeAndUnique() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String nonce = Scram.nonce();
            assertEquals(24, nonce.length());
            assertTrue(nonce.matches("[A-Za-z0-9_-]+"), nonce);
            assertTrue(seen.add(nonce), "repeated nonce " + nonce);
        }
        assertNotEquals(Scram.base64(Scram.randomBytes(16)), Scram.base64(Scram.randomBytes(16)));
    }

    @Test
    void iterationBoundsAreSane() {
        assertTrue(Scram.MIN_ITERATIONS >= 4096);
        assertTrue(Scram.DEFAULT_ITERATIONS >= Scram.MIN_ITERATIONS);
        assertTrue(Scram.MAX_ITERATIONS > Scram.DEFAULT_ITERATIONS);
    }
}
