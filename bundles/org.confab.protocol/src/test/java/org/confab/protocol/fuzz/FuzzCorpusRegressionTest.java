package org.confab.protocol.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays the committed fuzzing corpus (seeds, interesting inputs and every input that ever crashed a
 * fuzzer) through the fuzz targets as ordinary unit tests, without Jazzer, so a fixed bug stays fixed.
 */
class FuzzCorpusRegressionTest {
    private static final Path CORPUS = Path.of("src/test/fuzz-corpus");

    @TestFactory
    Stream<DynamicTest> frameDecoderCorpus() throws IOException {
        return replay("frame-decoder", FuzzTargets::decodeStream);
    }

    @TestFactory
    Stream<DynamicTest> messageParserCorpus() throws IOException {
        return replay("message-parser", FuzzTargets::parseMessage);
    }

    private interface Target {
        void run(byte[] input);
    }

    private static Stream<DynamicTest> replay(String target, Target run) throws IOException {
        List<Path> inputs;
        try (Stream<Path> files = Files.list(CORPUS.resolve(target))) {
            inputs = files.filter(Files::isRegularFile).sorted().toList();
        }
        assertFalse(inputs.isEmpty(), "no corpus in " + CORPUS.resolve(target).toAbsolutePath());
        return inputs.stream().map(file -> DynamicTest.dynamicTest(target + "/" + file.getFileName(),
                () -> run.run(Files.readAllBytes(file))));
    }
}
