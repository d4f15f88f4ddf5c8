package org.confab.protocol.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the frame reader and decoder with Jazzer. In the normal build this runs
 * for a few seconds in its own JVM (Jazzer fuzzes one test per JVM); see docs/security.md for a longer
 * run. Findings are kept in {@code src/test/fuzz-corpus/frame-decoder} and replayed by
 * {@link FuzzCorpusRegressionTest}.
 */
public class FrameDecoderFuzzTest {

    @FuzzTest(maxDuration = "5s")
    void decodeStream(byte[] input) {
        FuzzTargets.decodeStream(input);
    }

    /** Entry point for the standalone Jazzer of {@code releng/scripts/fuzz.sh}, for runs of any length. */
    public static void fuzzerTestOneInput(byte[] input) {
        FuzzTargets.decodeStream(input);
    }
}
