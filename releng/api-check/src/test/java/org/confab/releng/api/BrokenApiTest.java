package org.confab.releng.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check itself, fed deliberately broken APIs: two builds of one small bundle, compiled here, that
 * differ by one method and by their package version. It must fail where the version does not cover the
 * change, and pass where it does.
 */
class BrokenApiTest {
    private static final String BOTH = """
            package fixture.api;
            public class Greeter {
                public String greet(String name) { return "hello " + name; }
                public String wave() { return "o/"; }
            }
            """;
    private static final String WITHOUT_WAVE = """
            package fixture.api;
            public class Greeter {
                public String greet(String name) { return "hello " + name; }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void aMethodRemovedUnderTheSameVersionFails() throws Exception {
        List<String> problems = ApiBaseline.problems(bundle("new", WITHOUT_WAVE, "1.2.0"), bundle("old", BOTH, "1.2.0"));

        assertEquals(1, problems.size(), String.valueOf(problems));
        assertTrue(problems.get(0).startsWith("fixture.api: MAJOR change needs version 2.0.0"), problems.get(0));
        assertTrue(problems.get(0).contains("wave()"), "names the removed method: " + problems.get(0));
    }

    @Test
    void aMethodRemovedUnderAMinorBumpStillFails() throws Exception {
        assertEquals(1, ApiBaseline.problems(bundle("new", WITHOUT_WAVE, "1.3.0"), bundle("old", BOTH, "1.2.0")).size());
    }

    @Test
    void aMethodRemovedUnderAMajorBumpPasses() throws Exception {
        assertEquals(List.of(), ApiBaseline.problems(bundle("new", WITHOUT_WAVE, "2.0.0"), bundle("old", BOTH, "1.2.0")));
    }

    @Test
    void versionsBelowOneGetNoFreePass() throws Exception {
        List<String> removed = ApiBaseline.problems(bundle("new", WITHOUT_WAVE, "0.3.0"), bundle("old", BOTH, "0.2.0"));
        List<String> added = ApiBaseline.problems(bundle("added", BOTH, "0.2.0"), bundle("older", WITHOUT_WAVE, "0.2.0"));

        assertEquals(1, removed.size(), String.valueOf(removed));
        assertTrue(removed.get(0).startsWith("fixture.api: MAJOR change needs version 1.0.0"), removed.get(0));
        assertEquals(1, added.size(), String.valueOf(added));
        assertEquals(List.of(), ApiBaseline.problems(bundle("bumped", BOTH, "0.3.0"), bundle("old2", WITHOUT_WAVE,
                "0.2.0")));
    }

    @Test
    void aVersionLowerThanTheBaselinesFails() throws Exception {
        List<String> problems = ApiBaseline.problems(bundle("new", BOTH, "1.1.0"), bundle("old", BOTH, "1.2.0"));

        assertEquals(1, problems.size(), String.valueOf(problems));
    }

    @Test
    void aMethodAddedWithoutAMinorBumpFails() throws Exception {
        Path old = bundle("old", WITHOUT_WAVE, "1.2.0");

        List<String> same = ApiBaseline.problems(bundle("same", BOTH, "1.2.0"), old);
        List<String> micro = ApiBaseline.problems(bundle("micro", BOTH, "1.2.1"), old);

        assertEquals(1, same.size(), String.valueOf(same));
        assertTrue(same.get(0).startsWith("fixture.api: MINOR change needs version 1.3.0"), same.get(0));
        assertEquals(1, micro.size(), String.valueOf(micro));
    }

    @Test
    void aMethodAddedUnderAMinorBumpPasses() throws Exception {
        assertEquals(List.of(), ApiBaseline.problems(bundle("new", BOTH, "1.3.0"), bundle("old", WITHOUT_WAVE, "1.2.0")));
    }

    @Test
    void anUnchangedApiPasses() throws Exception {
        assertEquals(List.of(), ApiBaseline.problems(bundle("new", BOTH, "1.2.0"), bundle("old", BOTH, "1.2.0")));
    }

    @Test
    void aPackageNoLongerExportedFails() throws Exception {
        Path withoutExport = jar("gone", BOTH, null);

        List<String> problems = ApiBaseline.problems(withoutExport, bundle("old", BOTH, "1.2.0"));

        assertEquals(1, problems.size(), String.valueOf(problems));
        assertTrue(problems.get(0).contains("no longer exported"), problems.get(0));
    }

    @Test
    void packageInfoMustCarryTheManifestVersionAndExport() throws Exception {
        Path bundle = dir.resolve("fixture.bundle");
        Files.createDirectories(bundle.resolve("META-INF"));
        Files.writeString(bundle.resolve("META-INF/MANIFEST.MF"), "Manifest-Version: 1.0\nBundle-SymbolicName: "
                + "fixture.bundle\nExport-Package: fixture.api;version=\"1.2.0\",fixture.spi;version=\"0.1\",\n"
                + " fixture.none;version=\"1.0.0\"\n");
        Path sources = bundle.resolve("src/main/java");
        write(sources.resolve("fixture/api/package-info.java"),
                "@org.osgi.annotation.bundle.Export\n@org.osgi.annotation.versioning.Version(\"1.2.0\")\npackage fixture.api;\n");
        write(sources.resolve("fixture/spi/package-info.java"), "@Version(\"0.2.0\")\npackage fixture.spi;\n");

        List<String> problems = PackageInfoCheck.problems(ExportedPackages.of(bundle));

        assertEquals(List.of(
                "fixture.bundle fixture.spi: package-info.java says @Version(\"0.2.0\"), MANIFEST.MF Export-Package says 0.1.0",
                "fixture.bundle fixture.spi: package-info.java has no @Export",
                "fixture.bundle fixture.none: no package-info.java at src/main/java/fixture/none/package-info.java"),
                problems);
    }

    private Path bundle(String name, String source, String version) throws IOException {
        return jar(name, source, version);
    }

    /** A bundle jar of {@code fixture.api.Greeter} compiled from {@code source}; exported when a version is given. */
    private Path jar(String name, String source, String version) throws IOException {
        Path sources = dir.resolve(name + "-src");
        Path classes = dir.resolve(name + "-classes");
        Path file = sources.resolve("fixture/api/Greeter.java");
        write(file, source);
        Files.createDirectories(classes);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        int exit = compiler.run(null, null, null, "--release", "21", "-d", classes.toString(), file.toString());
        assertEquals(0, exit, "fixture did not compile");
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "fixture.bundle");
        main.putValue("Bundle-Version", "1.0.0");
        if (version != null) {
            main.putValue("Export-Package", "fixture.api;version=\"" + version + "\"");
        }
        Path jar = dir.resolve(name + ".jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out, manifest);
                Stream<Path> files = Files.walk(classes)) {
            for (Path classFile : files.filter(Files::isRegularFile).toList()) {
                zip.putNextEntry(new JarEntry(classes.relativize(classFile).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(classFile));
                zip.closeEntry();
            }
        }
        return jar;
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
