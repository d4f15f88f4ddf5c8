package org.confab.releng.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The release discipline of this build's own API bundles: each is compared with its baseline in
 * releng/api-baseline/, and its package-info.java versions with its manifest. A failure names the
 * package, the change and the version it needs.
 */
class ApiBaselineTest {
    static final Path ROOT = Path.of(System.getProperty("confab.root", "../..")).toAbsolutePath().normalize();
    static final Path BASELINE = ROOT.resolve("releng/api-baseline");

    static List<ExportedPackages> apiBundles() throws IOException {
        List<ExportedPackages> bundles = new ArrayList<>();
        try (Stream<Path> folders = Files.list(ROOT.resolve("bundles"))) {
            for (Path folder : folders.sorted().toList()) {
                if (Files.isRegularFile(folder.resolve("META-INF/MANIFEST.MF"))) {
                    ExportedPackages bundle = ExportedPackages.of(folder);
                    if (bundle.isApi()) {
                        bundles.add(bundle);
                    }
                }
            }
        }
        return bundles;
    }

    /** The jar the build made of a bundle, if it has been built. */
    static Optional<Path> builtJar(ExportedPackages bundle) throws IOException {
        Path target = bundle.bundle().resolve("target");
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(file -> {
                String name = file.getFileName().toString();
                return name.startsWith(bundle.symbolicName() + "-") && name.endsWith(".jar")
                        && !name.endsWith("-sources.jar");
            }).findFirst();
        }
    }

    @Test
    void everyExportedPackageDeclaresItsManifestVersionInPackageInfo() throws IOException {
        List<String> problems = new ArrayList<>();
        List<ExportedPackages> bundles = apiBundles();
        for (ExportedPackages bundle : bundles) {
            problems.addAll(PackageInfoCheck.problems(bundle));
        }
        assertTrue(bundles.size() >= 4, "API bundles not found under " + ROOT.resolve("bundles"));
        assertEquals("", String.join("\n", problems));
    }

    @Test
    void everyApiBundleKeepsItsBaselineOrItsVersionsSayHowItChanged() throws Exception {
        List<String> problems = new ArrayList<>();
        int compared = 0;
        for (ExportedPackages bundle : apiBundles()) {
            Path baseline = BASELINE.resolve(bundle.symbolicName() + ".jar");
            if (!Files.isRegularFile(baseline)) {
                continue; // a new API bundle: its first baseline comes with the next release
            }
            Path built = builtJar(bundle).orElseThrow(() -> new AssertionError(bundle.symbolicName()
                    + " is not built: add it to releng/api-check/pom.xml's dependencies, so the build makes it first"));
            for (String problem : ApiBaseline.problems(built, baseline)) {
                problems.add(bundle.symbolicName() + " " + problem);
            }
            compared++;
        }
        assertTrue(compared >= 4, "only " + compared + " bundles had a baseline in " + BASELINE);
        assertEquals("", String.join("\n", problems), "\nAPI changes need higher package versions (MANIFEST.MF "
                + "Export-Package and package-info.java @Version); at a release, releng/scripts/api-baseline.sh "
                + "update records the new baseline\n");
    }

    @Test
    void everyBaselineBelongsToABundleThatStillExportsAnApi() throws IOException {
        List<String> apis = apiBundles().stream().map(bundle -> bundle.symbolicName() + ".jar").toList();
        try (Stream<Path> baselines = Files.list(BASELINE)) {
            List<String> orphans = baselines.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".jar") && !apis.contains(name)).toList();
            assertFalse(apis.isEmpty());
            assertEquals(List.of(), orphans, "a removed API bundle is an incompatible change; at a release, "
                    + "releng/scripts/api-baseline.sh update drops its baseline");
        }
    }
}
