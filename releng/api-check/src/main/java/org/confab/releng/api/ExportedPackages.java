package org.confab.releng.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.jar.Manifest;

import aQute.bnd.header.Attrs;
import aQute.bnd.header.Parameters;
import aQute.bnd.version.Version;

/** A bundle's source tree as the build sees it: its exported packages and where its sources are. */
public record ExportedPackages(Path bundle, String symbolicName, Map<String, Version> packages, Path sourceFolder) {

    /** Reads {@code META-INF/MANIFEST.MF} and {@code build.properties} of a bundle folder. */
    public static ExportedPackages of(Path bundle) throws IOException {
        Manifest manifest;
        try (InputStream in = Files.newInputStream(bundle.resolve("META-INF/MANIFEST.MF"))) {
            manifest = new Manifest(in);
        }
        String bsn = manifest.getMainAttributes().getValue("Bundle-SymbolicName").split(";")[0].strip();
        Map<String, Version> packages = new LinkedHashMap<>();
        String exports = manifest.getMainAttributes().getValue("Export-Package");
        if (exports != null) {
            for (Map.Entry<String, Attrs> export : new Parameters(exports).entrySet()) {
                String version = export.getValue().getVersion();
                packages.put(export.getKey(), Version.parseVersion(version != null ? version : "0.0.0"));
            }
        }
        return new ExportedPackages(bundle, bsn, packages, sourceFolder(bundle));
    }

    /**
     * Whether the bundle exports packages of its own. A bundle without sources that exports a package
     * only passes someone else's on (org.confab.slf4j.compat offers slf4j's at another version): that
     * package's versions are its owner's, not ours to declare or baseline.
     */
    public boolean isApi() {
        return !packages.isEmpty() && Files.isDirectory(sourceFolder);
    }

    /** The source file of a package's {@code package-info.java}. */
    public Path packageInfo(String packageName) {
        return sourceFolder.resolve(packageName.replace('.', '/')).resolve("package-info.java");
    }

    private static Path sourceFolder(Path bundle) throws IOException {
        Path properties = bundle.resolve("build.properties");
        String folder = "src/main/java/";
        if (Files.isRegularFile(properties)) {
            Properties build = new Properties();
            try (InputStream in = Files.newInputStream(properties)) {
                build.load(in);
            }
            folder = build.getProperty("source..", folder).split(",")[0].strip();
        }
        return bundle.resolve(folder);
    }
}
