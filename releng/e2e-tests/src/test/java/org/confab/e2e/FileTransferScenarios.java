package org.confab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * File transfer through the real server product with the CLI, as users do it, on one database: a 200 MB
 * file to a user who is offline, fetched after their login with the same SHA-256; an upload and a
 * download killed halfway (SIGKILL of the CLI) that resume from their offsets, not from zero; the
 * server killed with SIGKILL in the middle of an upload, which the running CLI resumes by itself once
 * the server is back. Subclasses pick the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class FileTransferScenarios {
    static final long BIG = 200L << 20;
    private static final Map<String, String> PASSWORD = Map.of("CONFAB_PASSWORD", "files travel far 2026");

    private ServerProcess server;
    private Path data;
    private Path work;
    private Cli cli;
    private String alice;
    private String bob;

    /** The database options of {@code ./confab server}; empty for the embedded H2. */
    abstract List<String> databaseOptions();

    abstract String name();

    /** Skips the class where its database is missing (an assumption, reported as skipped). */
    void assumeDatabase() {
    }

    @BeforeAll
    void startServer() throws Exception {
        assumeDatabase();
        work = Processes.freshDirectory("files-" + name());
        data = work.resolve("server");
        server = ServerProcess.start(data, Map.of(), serverOptions(List.of()));
        cli = new Cli(server.address(), server.fingerprint, PASSWORD);
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        alice = "alice" + suffix;
        bob = "bob" + suffix;
        assertEquals(0, cli.run(alice, "register").exitCode());
        assertEquals(0, cli.run(bob, "register").exitCode());
    }

    private String[] serverOptions(List<String> more) {
        List<String> options = new ArrayList<>(databaseOptions());
        options.addAll(List.of("--limits-exempt", "127.0.0.1"));
        options.addAll(more);
        return options.toArray(String[]::new);
    }

    @AfterAll
    void stopServer() throws Exception {
        if (server != null) {
            server.close();
            server.process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
        }
        if (work != null) {
            TestFiles.deleteLarge(work);
        }
    }

    @Test
    @Order(1)
    void aBigFileReachesAnOfflineUserAfterLoginWithTheSameChecksum() throws Exception {
        Path file = TestFiles.random(work.resolve("out/holiday.mkv"), BIG, 1);
        String sha = TestFiles.sha256(file);

        long start = System.nanoTime();
        Processes.Result sent = cli.run(300, alice, "--json", "send-file", bob, file.toString());
        assertEquals(0, sent.exitCode(), sent.toString());
        System.out.printf("files %s: 200 MiB sent to an offline user in %.1f s (CLI start to end)%n", name(),
                (System.nanoTime() - start) / 1e9);
        String id = TestFiles.id(sent.stdout());
        assertTrue(sent.stdout().contains("\"sha256\":\"" + sha + "\""), sent.toString());
        assertTrue(sent.stderr().contains("sending holiday.mkv: 200.0 MB of 200.0 MB (100%)"), sent.stderr());

        // bob was never logged in while it was sent; he sees the offer at his next login
        Processes.Result offers = cli.run(bob, "--json", "files");
        assertEquals(0, offers.exitCode(), offers.toString());
        assertTrue(offers.stdout().contains("\"id\":\"" + id + "\""), offers.toString());
        assertTrue(offers.stdout().contains("\"from\":\"" + alice + "\""), offers.toString());
        assertTrue(offers.stdout().contains("\"size\":" + BIG), offers.toString());

        Path folder = work.resolve("bob-downloads");
        Processes.Result fetched = cli.run(300, bob, "--json", "fetch-file", id, folder.toString());
        assertEquals(0, fetched.exitCode(), fetched.toString());
        Path saved = TestFiles.path(fetched.stdout());
        assertEquals(folder.toAbsolutePath().normalize().resolve("holiday.mkv"), saved);
        assertEquals(sha, TestFiles.sha256(saved), "the same bytes arrived");
        assertTrue(fetched.stderr().contains("checksum verified"), fetched.stderr());
        assertEquals(-1, TestFiles.resumedAt(fetched.stderr()), "a fresh download: " + fetched.stderr());

        Processes.Result senderView = cli.run(alice, "--json", "files", "--sent");
        assertTrue(senderView.stdout().contains("\"state\":\"downloaded\""), senderView.toString());
        Processes.Result left = cli.run(bob, "--json", "files");
        assertFalse(left.stdout().contains(id), "no longer offered once downloaded: " + left);
        Files.delete(saved);
    }

    @Test
    @Order(2)
    void anUploadKilledHalfwayResumesFromTheServersOffset() throws Exception {
        Path file = TestFiles.random(work.resolve("out/interrupted.bin"), BIG, 2);
        Processes.Running upload = cli.start(alice, "--json", "send-file", bob, file.toString(), "--limit-rate", "40M");
        TestFiles.awaitProgress(upload, 30, 60);
        TestFiles.kill(upload);

        Processes.Result resumed = cli.run(300, alice, "--json", "send-file", bob, file.toString());
        assertEquals(0, resumed.exitCode(), resumed.toString());
        long offset = TestFiles.resumedAt(resumed.stderr());
        assertTrue(offset > BIG / 5 && offset < BIG, "resumed at " + offset + ", not from zero: " + resumed);
        assertTrue(resumed.stdout().contains("\"resumedFrom\":" + offset), resumed.toString());
        System.out.printf("files %s: upload killed by SIGKILL, resumed at offset %d of %d%n", name(), offset, BIG);

        Path folder = work.resolve("bob-interrupted");
        Processes.Result fetched = cli.run(300, bob, "--json", "fetch-file", TestFiles.id(resumed.stdout()),
                folder.toString());
        assertEquals(0, fetched.exitCode(), fetched.toString());
        assertEquals(TestFiles.sha256(file), TestFiles.sha256(TestFiles.path(fetched.stdout())));
    }

    @Test
    @Order(3)
    void aDownloadKilledHalfwayResumesFromItsPartFile() throws Exception {
        Path file = TestFiles.random(work.resolve("out/download.bin"), BIG, 3);
        Processes.Result sent = cli.run(300, alice, "--json", "send-file", bob, file.toString());
        assertEquals(0, sent.exitCode(), sent.toString());
        String id = TestFiles.id(sent.stdout());

        Path folder = work.resolve("bob-partial");
        Processes.Running download = cli.start(bob, "--json", "fetch-file", id, folder.toString(), "--limit-rate", "40M");
        TestFiles.awaitProgress(download, 30, 60);
        TestFiles.kill(download);
        Path part = folder.resolve(".confab-" + id + ".part");
        long kept = Files.size(part);
        assertTrue(kept > 0 && kept < BIG, "the part file keeps what arrived: " + kept);
        try (var names = Files.list(folder)) {
            assertEquals(List.of(part), names.toList(), "nothing but the part before it is verified");
        }

        Processes.Result resumed = cli.run(300, bob, "--json", "fetch-file", id, folder.toString());
        assertEquals(0, resumed.exitCode(), resumed.toString());
        assertEquals(kept, TestFiles.resumedAt(resumed.stderr()), resumed.stderr());
        System.out.printf("files %s: download killed by SIGKILL, resumed at offset %d of %d%n", name(), kept, BIG);
        assertEquals(TestFiles.sha256(file), TestFiles.sha256(TestFiles.path(resumed.stdout())));
        assertFalse(Files.exists(part), "the part became the file");
    }

    @Test
    @Order(4)
    void theServerKilledMidUploadComesBackAndTheUploadGoesOnFromItsOffset() throws Exception {
        Path file = TestFiles.random(work.resolve("out/crash.bin"), BIG, 4);
        // the CLI waits for the server (two request timeouts) and resumes by itself when it is back
        Processes.Running upload = cli.start(alice, "--json", "--timeout", "30", "send-file", bob, file.toString(),
                "--limit-rate", "40M");
        TestFiles.awaitProgress(upload, 30, 60);
        int port = server.port;
        server.kill();
        server = ServerProcess.start(data, Map.of(), serverOptions(List.of("--port", Integer.toString(port))));

        Processes.Result done = upload.await(300);
        assertEquals(0, done.exitCode(), done.toString());
        long offset = TestFiles.resumedAt(done.stderr());
        assertTrue(offset > BIG / 5 && offset < BIG, "resumed at " + offset + " after the restart: " + done);
        System.out.printf("files %s: server SIGKILLed mid-upload and restarted; the running CLI resumed at offset %d of %d%n",
                name(), offset, BIG);

        Path folder = work.resolve("bob-crash");
        Processes.Result fetched = cli.run(300, bob, "--json", "fetch-file", TestFiles.id(done.stdout()), folder.toString());
        assertEquals(0, fetched.exitCode(), fetched.toString());
        assertEquals(TestFiles.sha256(file), TestFiles.sha256(TestFiles.path(fetched.stdout())));
    }
}
