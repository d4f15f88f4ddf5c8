package org.confab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Nothing in the data directory is readable by other local users (hardening round 2): the database and
 * the journal hold every message and the SCRAM keys. A directory left 0755 with 0644 files by an older
 * version is tightened at the next start, and what the server writes afterwards (database, journal,
 * TLS key, first administrator's password) stays private.
 */
class PrivateDataFilesTest {

    @Test
    void everyFileAndDirectoryIsOwnerOnly() throws Exception {
        Path data = Processes.freshDirectory("private-data");
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path old = Files.createDirectories(data.resolve("db"));
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path leftOver = Files.writeString(old.resolve("left-over.txt"), "from an older version");
        Files.setPosixFilePermissions(leftOver, PosixFilePermissions.fromString("rw-r--r--"));

        try (ServerProcess server = ServerProcess.start(data, Map.of())) {
            Cli cli = new Cli(server.address(), server.fingerprint, Map.of("CONFAB_PASSWORD", "private parts 42"));
            assertEquals(0, cli.run("carol", "register").exitCode());
            assertEquals(0, cli.run("dave", "register").exitCode());
            assertEquals(0, cli.run("carol", "send", "dave", "what only dave may read").exitCode());
        }

        List<String> exposed = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> entries = Files.walk(data)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                if (entry.getFileName().toString().equals("server-console.log")) {
                    continue; // written by this test, not by the server
                }
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(entry, LinkOption.NOFOLLOW_LINKS);
                boolean directory = Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS);
                boolean ok = directory ? permissions.equals(PosixFilePermissions.fromString("rwx------"))
                        : permissions.stream().allMatch(p -> p.name().startsWith("OWNER"));
                if (!ok) {
                    exposed.add(data.relativize(entry) + " " + PosixFilePermissions.toString(permissions));
                }
                checked++;
            }
        }
        assertTrue(checked > 10, "only " + checked + " entries: did the server write its files?");
        assertTrue(Files.exists(data.resolve("admin-password.txt")));
        assertFalse(Files.getPosixFilePermissions(leftOver).contains(PosixFilePermission.OTHERS_READ));
        assertEquals(List.of(), exposed, "readable by other users");
    }
}
