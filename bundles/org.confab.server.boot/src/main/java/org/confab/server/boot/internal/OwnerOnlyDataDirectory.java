package org.confab.server.boot.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.confab.server.spi.DataDirectory;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data directory, owner-only. Data directories made by older versions were 0755 with 0644 files
 * (the H2 database and the journal hold every message and the SCRAM StoredKey/ServerKey, enough for
 * offline password guessing), so on every start the tree is tightened: directories to 0700, files lose
 * every group and other permission. H2 creates its files with the process's umask, which the server
 * cannot set; the 0700 directory is what keeps them private whatever that umask is.
 */
@Component
public class OwnerOnlyDataDirectory implements DataDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(OwnerOnlyDataDirectory.class);
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> NOT_FOR_OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    private final Path path;
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    @Activate
    public OwnerOnlyDataDirectory(BundleContext context) {
        String configured = context.getProperty("confab.data");
        this.path = Path.of(configured == null || configured.isBlank() ? "data" : configured).toAbsolutePath();
        try {
            createOwnerOnly(path);
            int tightened = tighten();
            if (tightened > 0) {
                LOG.info("data directory {}: made {} files and directories private to the server's user", path, tightened);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the data directory " + path, e);
        }
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public Path directory(String name) throws IOException {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a data subdirectory name: " + name);
        }
        Path directory = path.resolve(name);
        createOwnerOnly(directory);
        return directory;
    }

    /** Creates {@code directory} (and missing parents) readable by the server's user only. */
    static void createOwnerOnly(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        if (POSIX) {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
        } else {
            Files.createDirectories(directory);
        }
    }

    /** Removes group and other permissions below the data directory; returns how many entries changed. */
    private int tighten() throws IOException {
        if (!POSIX) {
            return 0;
        }
        int changed = 0;
        try (Stream<Path> entries = Files.walk(path)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                if (Files.isSymbolicLink(entry)) {
                    continue; // not ours to change, and following it could reach outside the directory
                }
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(entry, LinkOption.NOFOLLOW_LINKS);
                Set<PosixFilePermission> wanted = Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS) ? OWNER_ONLY_DIRECTORY
                        : without(permissions, NOT_FOR_OTHERS);
                if (!permissions.equals(wanted)) {
                    Files.setPosixFilePermissions(entry, wanted);
                    changed++;
                }
            }
        }
        return changed;
    }

    private static Set<PosixFilePermission> without(Set<PosixFilePermission> permissions, Set<PosixFilePermission> removed) {
        Set<PosixFilePermission> result = permissions.isEmpty() ? EnumSet.noneOf(PosixFilePermission.class)
                : EnumSet.copyOf(permissions);
        result.removeAll(removed);
        return result;
    }
}
