package org.confab.releng.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import aQute.bnd.version.Version;

/**
 * Every exported package declares itself in its {@code package-info.java}: {@code @Export} and a
 * {@code @Version} equal to the {@code Export-Package} version of MANIFEST.MF. The build is
 * manifest-first (Tycho), so the manifest is what OSGi sees; the annotations keep the version next to
 * the code, where a change to the API is made, and the two must not drift apart.
 */
public final class PackageInfoCheck {
    private static final Pattern VERSION = Pattern.compile(
            "@(?:org\\.osgi\\.annotation\\.versioning\\.)?Version\\(\\s*\"([^\"]+)\"\\s*\\)");
    private static final Pattern EXPORT = Pattern.compile("@(?:org\\.osgi\\.annotation\\.bundle\\.)?Export\\b");

    private PackageInfoCheck() {
    }

    /** What is wrong with the bundle's exported packages' declarations, one line each; empty when nothing. */
    public static List<String> problems(ExportedPackages bundle) throws IOException {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Version> export : bundle.packages().entrySet()) {
            String name = bundle.symbolicName() + " " + export.getKey();
            Path file = bundle.packageInfo(export.getKey());
            if (!Files.isRegularFile(file)) {
                problems.add(name + ": no package-info.java at " + bundle.bundle().relativize(file));
                continue;
            }
            String source = Files.readString(file);
            Matcher version = VERSION.matcher(source);
            if (!version.find()) {
                problems.add(name + ": package-info.java has no @Version");
            } else if (!Version.parseVersion(version.group(1)).equals(export.getValue())) {
                problems.add(name + ": package-info.java says @Version(\"" + version.group(1)
                        + "\"), MANIFEST.MF Export-Package says " + export.getValue());
            }
            if (!EXPORT.matcher(source).find()) {
                problems.add(name + ": package-info.java has no @Export");
            }
        }
        return problems;
    }
}
