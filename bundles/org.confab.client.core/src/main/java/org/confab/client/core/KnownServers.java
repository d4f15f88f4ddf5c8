package org.confab.client.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import org.confab.protocol.Fingerprint;

/**
 * The servers this user has decided to trust, with their certificate fingerprints: a text file with one
 * {@code host:port SHA256:...} line per server (like OpenSSH's {@code known_hosts}), by default
 * {@code ~/.confab/known_servers}. Lines starting with {@code #} are comments. The file is re-read on
 * every lookup, so several clients of the same user share what any of them learned. Thread-safe
 * within one process; writes replace the file atomically.
 */
public final class KnownServers {
    private final Path file;

    private KnownServers(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    /** The store in {@code file}, which need not exist yet. */
    public static KnownServers at(Path file) {
        return new KnownServers(file.toAbsolutePath());
    }

    /** {@code ~/.confab/known_servers}. */
    public static KnownServers userDefault() {
        return at(Path.of(System.getProperty("user.home"), ".confab", "known_servers"));
    }

    public Path file() {
        return file;
    }

    /** The fingerprint remembered for {@code serverAddress} ({@code host:port}). */
    public synchronized Optional<Fingerprint> lookup(String serverAddress) {
        return Optional.ofNullable(read().get(serverAddress));
    }

    /** Remembers (or replaces) the fingerprint of a server the user decided to trust. */
    public synchronized void remember(String serverAddress, Fingerprint fingerprint) {
        Map<String, Fingerprint> entries = read();
        entries.put(serverAddress, fingerprint);
        write(entries);
    }

    /** Forgets a server, so the next connection treats it as new. */
    public synchronized void forget(String serverAddress) {
        Map<String, Fingerprint> entries = read();
        if (entries.remove(serverAddress) != null) {
            write(entries);
        }
    }

    private Map<String, Fingerprint> read() {
        Map<String, Fingerprint> entries = new TreeMap<>();
        if (!Files.exists(file)) {
            return entries;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] parts = line.strip().split("\\s+");
                if (parts.length >= 2 && !parts[0].startsWith("#")) {
                    entries.put(parts[0], Fingerprint.parse(parts[1]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the known servers in " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("damaged known servers file " + file + ": " + e.getMessage(), e);
        }
        return entries;
    }

    private void write(Map<String, Fingerprint> entries) {
        List<String> lines = new ArrayList<>();
        lines.add("# Confab servers trusted by this user: host:port and the SHA-256 fingerprint of its TLS certificate");
        entries.forEach((server, fingerprint) -> lines.add(server + " " + fingerprint));
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), ".known_servers", ".tmp");
            Files.write(temporary, lines, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the known servers to " + file, e);
        }
    }
}
