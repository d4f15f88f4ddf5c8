package org.confab.protocol.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of every message parser with Jazzer: each input is a frame payload that is
 * read as every message record in turn. Findings are kept in
 * {@code src/test/fuzz-corpus/message-parser} and replayed by {@link FuzzCorpusRegressionTest}.
 */
public class MessageParserFuzzTest {

    @FuzzTest(maxDuration = "5s")
    void parseMessage(byte[] input) {
        FuzzTargets.parseMessage(input);
    }

    /** Entry point for the standalone Jazzer of {@code releng/scripts/fuzz.sh}, for runs of any length. */
    public static void fuzzerTestOneInput(byte[] input) {
        FuzzTargets.parseMessage(input);
    }
}
