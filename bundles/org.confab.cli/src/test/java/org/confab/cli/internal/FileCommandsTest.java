package org.confab.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.confab.client.core.ConfabConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the file commands read their command line, and what they print while transferring. */
class FileCommandsTest {
    private static final Map<String, String> ENV = Map.of("CONFAB_USER", "alice", "CONFAB_PASSWORD", "pw");
    private static final String ID = "AbCdEf0123456789_-xy";

    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        CommandContext.Connector unreachable = global -> {
            throw new ConfabConnectionException("cannot connect");
        };
        return new CliApplication(Commands.standard(), unreachable, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), ENV).run(List.of(args));
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theCommandLineIsCheckedBeforeConnecting() throws Exception {
        Path file = Files.writeString(temp.resolve("a.txt"), "hello");
        // exit 3: the command line was accepted and a connection tried
        assertEquals(ExitCodes.CANNOT_CONNECT, run("send-file", "bob", file.toString()));
        assertEquals(ExitCodes.CANNOT_CONNECT, run("send-file", "bob", file.toString(), "--name", "../x", "--media-type",
                "text/plain"));
        assertEquals(ExitCodes.CANNOT_CONNECT, run("files"));
        assertEquals(ExitCodes.CANNOT_CONNECT, run("--json", "files", "--sent"));
        assertEquals(ExitCodes.CANNOT_CONNECT, run("fetch-file", ID, temp.resolve("new folder").toString()));
        assertEquals(ExitCodes.CANNOT_CONNECT, run("decline-file", ID));

        assertEquals(ExitCodes.USAGE, run("send-file", "bob"));
        assertEquals(ExitCodes.USAGE, run("send-file", "bob", temp.resolve("missing").toString()));
        assertTrue(errors().contains("not a readable file"), errors());
        assertEquals(ExitCodes.USAGE, run("send-file", "bob", temp.toString()), "a folder is no file");
        assertEquals(ExitCodes.USAGE, run("files", "extra"));
        assertEquals(ExitCodes.USAGE, run("fetch-file", ID));
        assertEquals(ExitCodes.USAGE, run("fetch-file", ID, file.toString()), "the destination is a file");
        assertEquals(ExitCodes.USAGE, run("decline-file"));
        err.reset();
        assertEquals(ExitCodes.USAGE, run("fetch-file", "../../etc/passwd", temp.toString()));
        assertTrue(errors().startsWith("error: '../../etc/passwd' is not a file id"), errors());
        assertEquals(ExitCodes.USAGE, run("decline-file", "short"));
        assertEquals(ExitCodes.USAGE, run("send-file", "bob", file.toString(), "--sent"));
        assertEquals(ExitCodes.USAGE, run("send-file", "bob", file.toString(), "--limit-rate", "fast"));
        assertEquals(ExitCodes.USAGE, run("fetch-file", ID, temp.toString(), "--limit-rate", "0"));
        assertEquals(ExitCodes.CANNOT_CONNECT, run("fetch-file", ID, temp.toString(), "--limit-rate", "20M"));
    }

    @Test
    void theUsageListsTheFileCommands() {
        assertEquals(ExitCodes.OK, run("--help"));
        String usage = out.toString(StandardCharsets.UTF_8);
        for (String line : List.of("send-file PEER PATH", "files [--sent]", "fetch-file ID DEST_DIR", "decline-file ID")) {
            assertTrue(usage.contains(line), usage);
        }
    }

    @Test
    void progressIsALineASecondAndTheLastOne() {
        AtomicLong now = new AtomicLong();
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        ProgressPrinter printer = new ProgressPrinter(new PrintStream(lines, true, StandardCharsets.UTF_8), "sending a.bin",
                now::get);
        printer.update(0, 100 << 20, 0);
        now.set(500_000_000);
        printer.update(10 << 20, 100 << 20, 0); // too soon
        now.set(1_000_000_000);
        printer.update(20 << 20, 100 << 20, 0);
        now.set(1_100_000_000);
        printer.update(100 << 20, 100 << 20, 0); // the end is always shown
        assertEquals(List.of("sending a.bin: 20.0 MB of 100.0 MB (20%), 20.0 MB/s, 4 s left",
                "sending a.bin: 100.0 MB of 100.0 MB (100%), 90.9 MB/s"),
                lines.toString(StandardCharsets.UTF_8).lines().toList());
    }

    @Test
    void aResumedTransferSaysFromWhere() {
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        ProgressPrinter printer = new ProgressPrinter(new PrintStream(lines, true, StandardCharsets.UTF_8), "fetching x",
                () -> 0);
        printer.update(4096, 8192, 4096);
        printer.update(8192, 8192, 4096);
        assertEquals("resuming at offset 4096", lines.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow());
        assertEquals(1, lines.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("resuming")).count());
    }

    @Test
    void namesFromTheNetworkCannotControlTheTerminal() {
        assertEquals("a\\e[31mred\\u202Eb", FilesCommand.printable("a\u001b[31mred\u202eb"));
        assertEquals("line\\nbreak", FilesCommand.printable("line\nbreak"));
        assertEquals("日本.txt", FilesCommand.printable("日本.txt"));
    }

    @Test
    void aResumeAfterALostConnectionIsReportedToo() {
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        ProgressPrinter printer = new ProgressPrinter(new PrintStream(lines, true, StandardCharsets.UTF_8), "sending x",
                () -> 0);
        printer.update(0, 1000, 0);
        printer.update(400, 1000, 0);
        printer.update(384, 1000, 384); // the connection broke; the server had 384 bytes
        assertEquals(List.of("resuming at offset 384"),
                lines.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("resuming")).toList());
    }

    @Test
    void rateLimitsReadUnitsAndPaceTheTransfer() {
        assertEquals(20L << 20, RateLimit.parse("20M"));
        assertEquals(512L << 10, RateLimit.parse("512k"));
        assertEquals(1000, RateLimit.parse("1000"));
        assertEquals(1L << 30, RateLimit.parse("1G"));
        for (String bad : List.of("", "M", "-5", "0", "1.5M", "10T")) {
            org.junit.jupiter.api.Assertions.assertThrows(UsageException.class, () -> RateLimit.parse(bad), bad);
        }
        AtomicLong now = new AtomicLong();
        RateLimit limit = new RateLimit(1 << 20, (done, total, from) -> {
        }, now::get);
        long before = System.nanoTime();
        limit.update(0, 10 << 20, 0);
        now.set(900_000_000L); // 1 MiB after 0.9 s: a tenth of a second too early
        limit.update(1 << 20, 10 << 20, 0);
        long slept = System.nanoTime() - before;
        assertTrue(slept >= 90_000_000L && slept < 2_000_000_000L, "slept " + slept);
    }
}
