package org.confab.releng.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The metatype descriptions kept in each bundle are the ones its annotations make: a changed
 * {@code @AttributeDefinition} without regenerated files (releng/scripts/metatype.sh) fails here.
 */
class MetatypeTest {

    @Test
    void everyBundlesMetatypeFilesAreWhatItsAnnotationsGenerate() throws Exception {
        List<String> problems = new ArrayList<>();
        int described = 0;
        try (Stream<Path> folders = Files.list(ApiBaselineTest.ROOT.resolve("bundles"))) {
            for (Path bundle : folders.sorted().toList()) {
                Path classes = bundle.resolve("target/classes");
                if (!Files.isDirectory(classes)) {
                    continue;
                }
                Map<String, byte[]> generated = Metatype.generate(classes);
                Map<String, byte[]> kept = Metatype.kept(bundle);
                described += generated.size();
                if (!generated.keySet().equals(kept.keySet())) {
                    problems.add(bundle.getFileName() + ": annotations describe " + generated.keySet()
                            + ", the bundle keeps " + kept.keySet());
                    continue;
                }
                for (Map.Entry<String, byte[]> file : generated.entrySet()) {
                    String expected = new String(file.getValue(), StandardCharsets.UTF_8);
                    if (!expected.equals(new String(kept.get(file.getKey()), StandardCharsets.UTF_8))) {
                        problems.add(bundle.getFileName() + ": " + file.getKey() + " differs from its annotations");
                    }
                }
            }
        }
        assertTrue(described >= 5, "only " + described + " configuration descriptions found: are the bundles built?");
        assertEquals("", String.join("\n", problems), "\nregenerate with releng/scripts/metatype.sh\n");
    }
}
