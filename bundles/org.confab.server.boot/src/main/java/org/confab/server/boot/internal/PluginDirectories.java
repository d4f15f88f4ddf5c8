package org.confab.server.boot.internal;

import java.io.IOException;
import java.nio.file.Path;

import org.confab.protocol.Frame;
import org.confab.server.api.PluginDataLocation;
import org.confab.server.spi.DataDirectory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Plugins' own directories: {@code DATA/plugins/<namespace>}. The namespace must be a message type
 * name, so it can contain no path separator and no {@code ..}: no plugin can reach outside its folder
 * through this service.
 */
@Component
public class PluginDirectories implements PluginDataLocation {

    private final Path root;

    @Activate
    public PluginDirectories(@Reference DataDirectory data) {
        this.root = data.path().resolve("plugins");
    }

    @Override
    public Path directory(String namespace) throws IOException {
        if (!Frame.isValidType(namespace)) {
            throw new IllegalArgumentException("not a valid plugin namespace: " + namespace);
        }
        Path directory = root.resolve(namespace);
        OwnerOnlyDataDirectory.createOwnerOnly(directory); // and DATA/plugins with it, owner-only too
        return directory;
    }
}
