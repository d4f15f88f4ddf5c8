package org.confab.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The example third-party plugin (examples/dice), built the way its README says: its own Tycho build
 * against the p2 repository this reactor just published. Built once per test run.
 */
final class DiceExample {
    static final String SERVER_FEATURE = "org.confab.examples.dice.server.feature";
    private static final Path EXAMPLE = Processes.ROOT.resolve("examples/dice");
    private static Path repository;

    private DiceExample() {
    }

    /** The example's p2 repository, building it first. */
    static synchronized Path repository() throws IOException, InterruptedException {
        if (repository == null) {
            Path confabRepository = Processes.ROOT.resolve("releng/org.confab.repository/target/repository").toAbsolutePath();
            if (!Files.isRegularFile(confabRepository.resolve("content.jar"))) {
                throw new AssertionError("Confab's p2 repository is not built at " + confabRepository);
            }
            Path log = Files.createTempFile(Files.createDirectories(Processes.WORK), "dice-build", ".log");
            // The outer build already holds what Tycho needs in the local repository.
            Process build = new ProcessBuilder(List.of(Processes.ROOT.resolve("mvnw").toAbsolutePath().toString(), "-B", "-q",
                    "-f", EXAMPLE.resolve("pom.xml").toAbsolutePath().toString(), "clean", "verify",
                    "-Dconfab.repository=" + confabRepository.toUri()))
                    .directory(EXAMPLE.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!build.waitFor(600, TimeUnit.SECONDS)) {
                build.destroyForcibly();
                throw new AssertionError("the dice example's build did not finish in 600 s; see " + log);
            }
            if (build.exitValue() != 0) {
                throw new AssertionError("the dice example's build failed:\n" + Files.readString(log));
            }
            repository = EXAMPLE.resolve("repository/target/repository").toAbsolutePath();
        }
        return repository;
    }
}
