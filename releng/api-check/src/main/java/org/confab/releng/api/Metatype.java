package org.confab.releng.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import aQute.bnd.metatype.MetatypeAnnotations;
import aQute.bnd.osgi.Analyzer;
import aQute.bnd.osgi.Constants;
import aQute.bnd.osgi.Jar;
import aQute.bnd.osgi.Resource;

/**
 * The metatype descriptions ({@code OSGI-INF/metatype/*.xml}) of a bundle's {@code @ObjectClassDefinition}
 * and {@code @Designate} annotations, made by bnd as a bnd build would. Tycho generates only the DS
 * descriptions, so these are generated here from the compiled classes and kept in the bundle's
 * {@code OSGI-INF/metatype/}; {@code MetatypeTest} fails when the annotations and the files differ.
 */
public final class Metatype {
    static final String FOLDER = "OSGI-INF/metatype";

    private Metatype() {
    }

    /** The descriptions generated from compiled classes, by path inside the bundle. */
    public static Map<String, byte[]> generate(Path classes) throws Exception {
        Map<String, byte[]> files = new TreeMap<>();
        try (Jar jar = new Jar("classes", classes.toFile(), null); Analyzer analyzer = new Analyzer(jar)) {
            analyzer.setProperty(Constants.METATYPE_ANNOTATIONS, "*");
            analyzer.setProperty("Bundle-SymbolicName", "metatype.generation");
            analyzer.addBasicPlugin(new MetatypeAnnotations());
            analyzer.analyze();
            List<String> errors = analyzer.getErrors();
            if (!errors.isEmpty()) {
                throw new IllegalStateException("metatype generation failed for " + classes + ": " + errors);
            }
            Map<String, Resource> generated = jar.getDirectory(FOLDER);
            if (generated != null) {
                for (Map.Entry<String, Resource> file : generated.entrySet()) {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    file.getValue().write(bytes);
                    files.put(file.getKey(), bytes.toByteArray());
                }
            }
        }
        return files;
    }

    /** The descriptions kept in a bundle's folder, by path inside the bundle. */
    public static Map<String, byte[]> kept(Path bundle) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        Path folder = bundle.resolve(FOLDER);
        if (Files.isDirectory(folder)) {
            try (Stream<Path> xml = Files.list(folder)) {
                for (Path file : xml.filter(f -> f.toString().endsWith(".xml")).toList()) {
                    files.put(FOLDER + "/" + file.getFileName(), Files.readAllBytes(file));
                }
            }
        }
        return files;
    }

    /** Writes the generated descriptions of each bundle folder given (built first) into it. */
    public static void main(String[] bundles) throws Exception {
        for (String name : bundles) {
            Path bundle = Path.of(name);
            Map<String, byte[]> generated = generate(bundle.resolve("target/classes"));
            for (String old : kept(bundle).keySet()) {
                if (!generated.containsKey(old)) {
                    Files.delete(bundle.resolve(old));
                }
            }
            for (Map.Entry<String, byte[]> file : generated.entrySet()) {
                Files.createDirectories(bundle.resolve(file.getKey()).getParent());
                Files.write(bundle.resolve(file.getKey()), file.getValue());
                System.out.println("wrote " + bundle.resolve(file.getKey()));
            }
        }
    }
}
