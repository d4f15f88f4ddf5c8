package org.confab.server.spi;

import java.nio.file.Path;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The server's data directory (the {@code confab.data} launch property, {@code ./data} by default),
 * resolved in one place. When the service is registered the directory exists and is readable by the
 * server's user only (0700), and nothing below it is readable by other local users: it holds every
 * message, the SCRAM keys and the TLS key.
 */
@ProviderType
public interface DataDirectory {

    /** The absolute path of the data directory. */
    Path path();

    /**
     * A subdirectory for one part of the server ({@code "db"}, {@code "journal"}, {@code "tls"},
     * {@code "attachments"}), created owner-only if missing. {@code name} is a fixed name chosen by
     * the server, never client input.
     */
    Path directory(String name) throws java.io.IOException;
}
