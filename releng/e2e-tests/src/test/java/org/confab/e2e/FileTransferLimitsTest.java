package org.confab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * What a server with small limits (set on its command line) refuses, and how clearly: a file over the
 * per-file limit, an upload beyond the user's quota, an upload when the disk would drop below the floor
 * the server keeps free. Hostile file names from a peer end up safely inside the folder the recipient
 * chose. Each refusal is one {@code error: CODE: message} line and exit code 1, and nothing is stored.
 */
class FileTransferLimitsTest {
    private static final Map<String, String> PASSWORD = Map.of("CONFAB_PASSWORD", "limits are there for a reason");

    @Test
    void sizeAndQuotaRefusalsAndHostileNames() throws Exception {
        Path work = Processes.freshDirectory("files-limits");
        try (ServerProcess server = ServerProcess.start(work.resolve("server"), Map.of(), "--max-file-bytes", "1000000",
                "--quota-bytes", "2500000", "--limits-exempt", "127.0.0.1")) {
            Cli cli = new Cli(server.address(), server.fingerprint, PASSWORD);
            assertEquals(0, cli.run("carol", "register").exitCode());
            assertEquals(0, cli.run("dave", "register").exitCode());

            Path tooBig = TestFiles.random(work.resolve("out/too-big.bin"), 1_000_001, 1);
            Processes.Result refused = cli.run("carol", "send-file", "dave", tooBig.toString());
            assertEquals(1, refused.exitCode(), refused.toString());
            assertOneClearLine(refused, "error: FILE_TOO_LARGE: ");
            assertTrue(refused.stderr().contains("1000000"), "the message names the limit: " + refused);

            for (int i = 0; i < 2; i++) {
                Path fits = TestFiles.random(work.resolve("out/fits-" + i + ".bin"), 1_000_000, 10 + i);
                Processes.Result sent = cli.run("carol", "send-file", "dave", fits.toString());
                assertEquals(0, sent.exitCode(), sent.toString());
            }
            Path over = TestFiles.random(work.resolve("out/over-quota.bin"), 600_000, 20);
            Processes.Result quota = cli.run("carol", "send-file", "dave", over.toString());
            assertEquals(1, quota.exitCode(), quota.toString());
            assertOneClearLine(quota, "error: QUOTA_EXCEEDED: ");

            hostileNamesLandInsideTheChosenFolder(cli, work);
        }
    }

    @Test
    void aServerBelowItsDiskFloorRefusesUploads() throws Exception {
        Path work = Processes.freshDirectory("files-floor");
        // a floor of a petabyte: no disk here has that much free
        try (ServerProcess server = ServerProcess.start(work.resolve("server"), Map.of(), "--disk-floor-bytes",
                Long.toString(1L << 50))) {
            Cli cli = new Cli(server.address(), server.fingerprint, PASSWORD);
            assertEquals(0, cli.run("erin", "register").exitCode());
            Path file = TestFiles.random(work.resolve("out/small.bin"), 10_000, 3);
            Processes.Result refused = cli.run("erin", "send-file", "erin", file.toString());
            assertEquals(1, refused.exitCode(), refused.toString());
            assertOneClearLine(refused, "error: STORAGE_FULL: ");
        }
    }

    /** Names a hostile sender gives its files, each fetched by the recipient into one folder. */
    private static void hostileNamesLandInsideTheChosenFolder(Cli cli, Path work) throws Exception {
        Path payload = Files.writeString(work.resolve("out/payload.txt"), "not what you expected\n");
        List<String> names = List.of("../../etc/passwd", "/etc/shadow", "C:\\Windows\\system32\\evil.dll", "CON",
                "nul.txt", "x".repeat(255), "invoice\u202etxt.exe", "trailing dots...", ".bashrc", "..",
                "..\\..\\boot.ini", "a/b/c/deep.txt");
        List<String> ids = new ArrayList<>();
        for (String name : names) {
            Processes.Result sent = cli.run("dave", "--json", "send-file", "carol", payload.toString(), "--name", name);
            assertEquals(0, sent.exitCode(), name + ": " + sent);
            ids.add(TestFiles.id(sent.stdout()));
        }
        Path folder = work.resolve("carol/inbox");
        for (int i = 0; i < ids.size(); i++) {
            Processes.Result fetched = cli.run("carol", "--json", "fetch-file", ids.get(i), folder.toString());
            assertEquals(0, fetched.exitCode(), names.get(i) + ": " + fetched);
            Path saved = TestFiles.path(fetched.stdout());
            assertEquals(folder.toAbsolutePath().normalize(), saved.getParent(), names.get(i) + " -> " + saved);
            assertFalse(saved.getFileName().toString().startsWith("."), saved.toString());
            assertTrue(saved.getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 200);
            assertEquals("not what you expected\n", Files.readString(saved));
        }
        try (var saved = Files.list(folder)) {
            List<String> files = saved.map(path -> path.getFileName().toString()).sorted().toList();
            assertEquals(names.size(), files.size(), "one file each, nothing overwritten: " + files);
            assertTrue(files.contains("passwd") && files.contains("shadow") && files.contains("_CON")
                    && files.contains("_nul.txt") && files.contains("invoicetxt.exe") && files.contains("trailing dots")
                    && files.contains("bashrc") && files.contains("file") && files.contains("boot.ini")
                    && files.contains("deep.txt") && files.contains("evil.dll"), files.toString());
        }
        try (var outside = Files.list(work.resolve("carol"))) {
            assertEquals(List.of(folder), outside.toList(), "nothing beside the chosen folder");
        }
        Processes.Result longName = cli.run("dave", "send-file", "carol", payload.toString(), "--name", "y".repeat(10_000));
        assertEquals(2, longName.exitCode(), "a 10,000 character name is refused before anything is sent: " + longName);
    }

    private static void assertOneClearLine(Processes.Result result, String prefix) {
        List<String> lines = result.stderr().lines().filter(line -> !line.startsWith("sending ")).toList();
        assertEquals(1, lines.size(), "one line: " + result);
        assertTrue(lines.get(0).startsWith(prefix), result.toString());
        assertTrue(lines.get(0).length() > prefix.length() + 10, "says more than the code: " + result);
    }
}
