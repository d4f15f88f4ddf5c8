package org.confab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Writes docs/dependencies.md from the bundles really packaged in the two products, so the list an
 * operator checks against advisories cannot go stale. In CI a difference fails the build: the
 * regenerated file must be committed.
 */
class DependencyListTest {
    private static final Path SERVER = Processes.ROOT.resolve("server-product/target/products/org.confab.server/linux/gtk/x86_64/confab-server/plugins");
    private static final Path CLIENT = Processes.ROOT.resolve("client-product/target/products/org.confab.client/linux/gtk/x86_64/confab-client/plugins");
    private static final Path DOC = Processes.ROOT.resolve("docs/dependencies.md");
    private static final Pattern POM_LICENSE = Pattern.compile("<license>\\s*<name>([^<]+)</name>", Pattern.DOTALL);

    /** Text fragments and the license they identify, most specific first. */
    private static final Map<String, String> KNOWN_LICENSES = new java.util.LinkedHashMap<>();
    static {
        KNOWN_LICENSES.put("Universal FOSS Exception", "GPL-2.0 with the Universal FOSS Exception 1.0");
        KNOWN_LICENSES.put("Eclipse Public License - v 2.0", "EPL-2.0");
        KNOWN_LICENSES.put("epl-2.0", "EPL-2.0");
        KNOWN_LICENSES.put("Eclipse Public License - v 1.0", "EPL-1.0");
        KNOWN_LICENSES.put("epl-v10", "EPL-1.0");
        KNOWN_LICENSES.put("Eclipse Distribution License", "EDL-1.0");
        KNOWN_LICENSES.put("Apache License", "Apache-2.0");
        KNOWN_LICENSES.put("LGPL", "LGPL-2.1");
        KNOWN_LICENSES.put("Permission is hereby granted, free of charge", "MIT");
        KNOWN_LICENSES.put("Redistribution and use in source and binary forms", "BSD");
    }

    /** Bundles that carry no license text or pom at all (Bouncy Castle keeps it in a class), by symbolic name. */
    private static final Map<String, String> LICENSE_BY_BUNDLE = Map.of(
            "bcprov", "MIT (Bouncy Castle Licence)",
            "bcutil", "MIT (Bouncy Castle Licence)",
            "bcpkix", "MIT (Bouncy Castle Licence)");

    record Bundle(String name, String version, String license, boolean server, boolean client) {
    }

    @Test
    void dependencyListMatchesThePackagedProducts() throws IOException {
        Map<String, Bundle> bundles = new TreeMap<>();
        collect(SERVER, true, bundles);
        collect(CLIENT, false, bundles);
        assertTrue(bundles.size() > 20, "products not found under " + SERVER + " and " + CLIENT);
        String generated = render(bundles.values());
        String existing = Files.exists(DOC) ? Files.readString(DOC) : "";
        if (!generated.equals(existing)) {
            Files.writeString(DOC, generated);
        }
        if ("true".equals(System.getenv("CI"))) {
            assertEquals(generated, existing, "docs/dependencies.md is stale: commit the file this build regenerated");
        }
    }

    private static void collect(Path plugins, boolean server, Map<String, Bundle> bundles) throws IOException {
        List<Path> jars;
        try (Stream<Path> listing = Files.list(plugins)) {
            jars = listing.filter(p -> p.toString().endsWith(".jar")).toList();
        }
        for (Path jar : jars) {
            try (JarFile file = new JarFile(jar.toFile())) {
                Manifest manifest = file.getManifest();
                if (manifest == null) {
                    continue;
                }
                Attributes main = manifest.getMainAttributes();
                String name = main.getValue("Bundle-SymbolicName");
                if (name == null || name.startsWith("org.confab.")) {
                    continue;
                }
                name = name.split(";")[0].strip();
                String version = main.getValue("Bundle-Version");
                String license = LICENSE_BY_BUNDLE.containsKey(name) ? LICENSE_BY_BUNDLE.get(name) : license(file, main);
                Bundle known = bundles.get(name + version);
                bundles.put(name + version, new Bundle(name, version, license,
                        server || (known != null && known.server()), !server || (known != null && known.client())));
            }
        }
    }

    private static String license(JarFile file, Attributes main) throws IOException {
        String header = main.getValue("Bundle-License");
        if (header != null && !header.isBlank()) {
            return tidy(header);
        }
        return pomLicense(file).or(() -> licenseText(file)).orElse("unknown: see the bundle's about.html / LICENSE");
    }

    /** Recognises the common licenses in a bundle's LICENSE or about.html text. */
    private static Optional<String> licenseText(JarFile file) {
        for (String name : List.of("META-INF/LICENSE", "META-INF/LICENSE.txt", "META-INF/LICENSE.md", "LICENSE",
                "LICENSE.txt", "about.html")) {
            JarEntry entry = file.getJarEntry(name);
            if (entry == null) {
                continue;
            }
            try (InputStream in = file.getInputStream(entry)) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                for (Map.Entry<String, String> known : KNOWN_LICENSES.entrySet()) {
                    if (text.contains(known.getKey())) {
                        return Optional.of(known.getValue());
                    }
                }
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Optional<String> pomLicense(JarFile file) throws IOException {
        for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements();) {
            JarEntry entry = entries.nextElement();
            if (entry.getName().startsWith("META-INF/maven/") && entry.getName().endsWith("/pom.xml")) {
                try (InputStream in = file.getInputStream(entry)) {
                    Matcher matcher = POM_LICENSE.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    if (matcher.find()) {
                        return Optional.of(tidy(matcher.group(1)));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static String tidy(String license) {
        return license.replaceAll("\\s+", " ").replace("|", "/").strip();
    }

    private static String render(Iterable<Bundle> bundles) {
        List<String> lines = new ArrayList<>();
        lines.add("# Third-party bundles shipped with Confab");
        lines.add("");
        lines.add("Generated by the build (`releng/e2e-tests`, DependencyListTest) from the bundles packaged in the");
        lines.add("server and client products. Do not edit by hand: run `./confab test` and commit the result.");
        lines.add("Check these versions against vulnerability advisories when you upgrade or deploy.");
        lines.add("");
        lines.add("| bundle | version | license | server | client |");
        lines.add("|---|---|---|---|---|");
        for (Bundle bundle : bundles) {
            lines.add("| " + bundle.name() + " | " + bundle.version() + " | " + bundle.license() + " | "
                    + (bundle.server() ? "yes" : "") + " | " + (bundle.client() ? "yes" : "") + " |");
        }
        return String.join("\n", lines) + "\n";
    }
}
