package org.confab.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class FingerprintTest {
    private static final Fingerprint SAMPLE = Fingerprint.of("certificate".getBytes(StandardCharsets.UTF_8));

    @Test
    void printsLikeOpenSshAndParsesItBack() {
        String text = SAMPLE.toString();
        assertTrue(text.startsWith("SHA256:") && text.length() == 7 + 43 && !text.contains("="), text);
        assertEquals(SAMPLE, Fingerprint.parse(text));
        assertEquals(SAMPLE, Fingerprint.parse("  " + text.replace("SHA256:", "sha256:") + "\n"));
    }

    @Test
    void acceptsTheHexFormOpensslPrints() {
        String hex = SAMPLE.toHex();
        assertEquals(95, hex.length());
        assertEquals(SAMPLE, Fingerprint.parse("sha256 Fingerprint=" + hex));
        assertEquals(SAMPLE, Fingerprint.parse(hex.replace(":", "").toLowerCase(Locale.ROOT)));
    }

    @Test
    void refusesAnythingElseWithAClearMessage() {
        for (String bad : new String[] { "", "SHA256:", "SHA256:abc", "MD5:" + SAMPLE.toHex(), SAMPLE.toHex() + "00" }) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Fingerprint.parse(bad), bad);
            assertTrue(e.getMessage().contains("fingerprint"), e.getMessage());
        }
        assertNotEquals(SAMPLE, Fingerprint.of(new byte[1]));
    }
}
