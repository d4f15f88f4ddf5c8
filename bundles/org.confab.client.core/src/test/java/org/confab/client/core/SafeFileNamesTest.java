package org.confab.client.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Names a hostile peer might send, and what ends up on the recipient's disk. */
class SafeFileNamesTest {
    @TempDir
    Path folder;

    @Test
    void ordinaryNamesStayAsTheyAre() {
        for (String name : List.of("report.pdf", "holiday photo 1.jpg", "archive.tar.gz", "Ünïcødé – 日本語.txt",
                "no extension", "a", "read me (1).txt", "emoji 😀.png")) {
            assertEquals(name, SafeFileNames.sanitize(name));
        }
    }

    @Test
    void directoriesAreDropped() {
        assertEquals("passwd", SafeFileNames.sanitize("../../etc/passwd"));
        assertEquals("passwd", SafeFileNames.sanitize("/etc/passwd"));
        assertEquals("x", SafeFileNames.sanitize("C:\\x"));
        assertEquals("win.ini", SafeFileNames.sanitize("..\\..\\Windows\\win.ini"));
        assertEquals("share.txt", SafeFileNames.sanitize("\\\\server\\share.txt"));
        assertEquals("C_x", SafeFileNames.sanitize("C:x"), "a drive-relative name keeps no colon");
        assertEquals("file", SafeFileNames.sanitize("a/b/"));
        assertEquals("b", SafeFileNames.sanitize("a/..\\b"));
    }

    @Test
    void dotNamesAndEmptyNamesBecomeFile() {
        for (String name : List.of("", ".", "..", "...", " ", " . ", "/", "\\", "../", "\u0000", "\u202e", "\t\n")) {
            assertEquals(SafeFileNames.FALLBACK, SafeFileNames.sanitize(name), name);
        }
        assertEquals(SafeFileNames.FALLBACK, SafeFileNames.sanitize(null));
    }

    @Test
    void hiddenAndTrailingDotsAndSpacesGo() {
        assertEquals("bashrc", SafeFileNames.sanitize(".bashrc"));
        assertEquals("confab-x.part", SafeFileNames.sanitize(".confab-x.part"), "cannot pose as a partial download");
        assertEquals("notes.txt", SafeFileNames.sanitize("notes.txt. . ."));
        assertEquals("notes", SafeFileNames.sanitize("  notes  "));
    }

    @Test
    void controlAndFormatCharactersAreRemoved() {
        assertEquals("ab.txt", SafeFileNames.sanitize("a\u0000b.txt"));
        assertEquals("line1line2", SafeFileNames.sanitize("line1\r\nline2"));
        assertEquals("bell", SafeFileNames.sanitize("be\u0007ll"));
        assertEquals("c1", SafeFileNames.sanitize("c\u00851"));
        assertEquals("ab", SafeFileNames.sanitize("a\u007fb"));
        // right-to-left override: "invoice\u202Etxt.exe" displays as "invoiceexe.txt"
        assertEquals("invoicetxt.exe", SafeFileNames.sanitize("invoice\u202etxt.exe"));
        assertEquals("ab", SafeFileNames.sanitize("a\u200bb"), "zero-width space");
        assertEquals("ab", SafeFileNames.sanitize("a\u2028b"), "line separator");
        assertEquals("a b", SafeFileNames.sanitize("a\u00a0b"), "no-break space is a plain space");
        assertEquals("ab", SafeFileNames.sanitize("a\ud800b"), "lone surrogate");
    }

    @Test
    void windowsReservedCharactersBecomeUnderscores() {
        assertEquals("a_b_c_d_e_f_g_.txt", SafeFileNames.sanitize("a<b>c:d\"e|f?g*.txt"));
    }

    @Test
    void windowsDeviceNamesAreDefused() {
        assertEquals("_CON", SafeFileNames.sanitize("CON"));
        assertEquals("_con", SafeFileNames.sanitize("con"));
        assertEquals("_nul.txt", SafeFileNames.sanitize("nul.txt"));
        assertEquals("_COM1.tar.gz", SafeFileNames.sanitize("COM1.tar.gz"));
        assertEquals("_LPT9", SafeFileNames.sanitize("LPT9"));
        assertEquals("_AUX .txt", SafeFileNames.sanitize("AUX .txt"));
        assertEquals("_prn", SafeFileNames.sanitize("prn."), "the trailing dot Windows ignores");
        assertEquals("_CON", SafeFileNames.sanitize("../CON"));
        assertEquals("_CONIN$", SafeFileNames.sanitize("CONIN$"));
        assertEquals("_COM¹", SafeFileNames.sanitize("COM¹"));
        for (String harmless : List.of("CONSOLE", "con1", "COM10", "nully.txt", "my con.txt", "LPT")) {
            assertEquals(harmless, SafeFileNames.sanitize(harmless));
        }
    }

    @Test
    void longNamesAreCutToTwoHundredBytesKeepingTheExtension() {
        String name = SafeFileNames.sanitize("x".repeat(10_000) + ".pdf");
        assertEquals(SafeFileNames.MAX_BYTES, bytes(name));
        assertTrue(name.endsWith("x.pdf"), name);

        String noExtension = SafeFileNames.sanitize("y".repeat(10_000));
        assertEquals("y".repeat(SafeFileNames.MAX_BYTES), noExtension);

        String longExtension = SafeFileNames.sanitize("a." + "b".repeat(10_000));
        assertEquals(SafeFileNames.MAX_BYTES, bytes(longExtension), "a 10,000 character extension is no extension");

        String dots = SafeFileNames.sanitize("a" + ".".repeat(10_000) + "b");
        assertTrue(bytes(dots) <= SafeFileNames.MAX_BYTES, dots);
    }

    @Test
    void multiByteCharactersAreNeverSplit() {
        String japanese = SafeFileNames.sanitize("日".repeat(5_000) + ".txt");
        assertTrue(bytes(japanese) <= SafeFileNames.MAX_BYTES);
        assertTrue(japanese.matches("日+\\.txt"), japanese);
        String emoji = SafeFileNames.sanitize("😀".repeat(5_000));
        assertEquals(SafeFileNames.MAX_BYTES, bytes(emoji), "50 four-byte emoji");
        assertTrue(emoji.codePoints().allMatch(c -> c == 0x1F600), emoji);
    }

    @Test
    void unicodeIsNormalisedSoTwoSpellingsAreOneName() {
        assertEquals("\u00e9.txt", SafeFileNames.sanitize("e\u0301.txt"));
    }

    @Test
    void resolveStaysInTheFolderAndCountsUpInsteadOfOverwriting() throws IOException {
        Path first = SafeFileNames.resolve(folder, "../../etc/report.pdf");
        assertEquals(folder.resolve("report.pdf"), first);
        Files.writeString(first, "one");
        Path second = SafeFileNames.resolve(folder, "report.pdf");
        assertEquals(folder.resolve("report (1).pdf"), second);
        Files.writeString(second, "two");
        assertEquals(folder.resolve("report (2).pdf"), SafeFileNames.resolve(folder, "/tmp/report.pdf"));
        Files.writeString(folder.resolve("README"), "");
        assertEquals(folder.resolve("README (1)"), SafeFileNames.resolve(folder, "README"));
        assertEquals("one", Files.readString(first), "nothing was touched");
    }

    @Test
    void aDanglingSymbolicLinkCountsAsTaken() throws IOException {
        Files.createSymbolicLink(folder.resolve("target.txt"), Path.of("/nonexistent/elsewhere"));
        assertEquals(folder.resolve("target (1).txt"), SafeFileNames.resolve(folder, "target.txt"));
    }

    @Test
    void numberedCopiesOfLongNamesStillFit() throws IOException {
        String hostile = "z".repeat(10_000) + ".bin";
        Set<Path> seen = new HashSet<>();
        for (int i = 0; i < 12; i++) {
            Path path = SafeFileNames.resolve(folder, hostile);
            assertEquals(folder, path.getParent());
            assertTrue(bytes(path.getFileName().toString()) <= SafeFileNames.MAX_BYTES, path.toString());
            assertTrue(path.getFileName().toString().endsWith(".bin"), path.toString());
            assertTrue(seen.add(path));
            Files.createFile(path);
        }
        assertTrue(seen.contains(folder.resolve("z".repeat(SafeFileNames.MAX_BYTES - 9) + " (11).bin")));
    }

    @Test
    void everyHostileNameLandsDirectlyInTheFolder() throws IOException {
        List<String> hostile = List.of("../../etc/passwd", "/etc/shadow", "C:\\Windows\\system32\\cmd.exe", "..", ".",
                "CON", "nul.txt", "x".repeat(10_000), "a\u0000b", "\u0001\u0002\u0003", "~/.ssh/authorized_keys",
                "file:///etc/passwd", "..\u2215..\u2215etc", "\u202eexe.txt", "trailing...", "  ", "");
        for (String name : hostile) {
            Path path = SafeFileNames.resolve(folder, name);
            assertEquals(folder, path.getParent(), name);
            assertEquals(folder, path.normalize().getParent(), name);
            assertFalse(path.getFileName().toString().startsWith("."), name);
            Files.createFile(path); // the file system accepts it
        }
        try (var files = Files.list(folder)) {
            assertEquals(hostile.size(), files.count(), "each name got a file of its own");
        }
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
