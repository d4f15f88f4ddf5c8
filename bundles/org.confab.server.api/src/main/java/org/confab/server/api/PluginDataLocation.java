package org.confab.server.api;

import java.io.IOException;
import java.nio.file.Path;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where a plugin keeps its own files: a directory of its own under the server's data directory,
 * readable only by the server's user. Plugins never choose paths from what clients send.
 */
@ProviderType
public interface PluginDataLocation {

    /**
     * The directory of one plugin, created if needed (mode 0700 where the file system supports it).
     *
     * @param namespace the plugin's namespace, a valid message type name such as {@code x.dice}
     * @throws IllegalArgumentException for a namespace that is not a valid message type name
     * @throws IOException when the directory cannot be created
     */
    Path directory(String namespace) throws IOException;
}
