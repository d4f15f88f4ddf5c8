package org.confab.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs {@code ./confab} commands the way a user would, capturing their output. */
final class Processes {
    static final Path ROOT = Path.of(System.getProperty("confab.root", "../.."));
    static final Path WORK = Path.of(System.getProperty("confab.e2e.work", "target/e2e"));

    record Result(int exitCode, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\nstdout: " + stdout + "\nstderr: " + stderr;
        }
    }

    private Processes() {
    }

    static ProcessBuilder confab(Map<String, String> environment, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(ROOT.resolve("confab").toString());
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile());
        builder.environment().remove("CONFAB_PASSWORD");
        builder.environment().remove("CONFAB_NEW_PASSWORD");
        builder.environment().putAll(environment);
        return builder;
    }

    /** Runs a command to completion (at most 60 s). */
    static Result run(Map<String, String> environment, String... arguments) throws IOException, InterruptedException {
        return start(environment, arguments).await(60);
    }

    /** Starts a command in the background, its output going to files. */
    static Running start(Map<String, String> environment, String... arguments) throws IOException {
        Files.createDirectories(WORK);
        Path out = Files.createTempFile(WORK, "out", ".txt");
        Path err = Files.createTempFile(WORK, "err", ".txt");
        Process process = confab(environment, arguments).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        return new Running(process, out, err, String.join(" ", arguments));
    }

    /** A command started with {@link #start}. */
    record Running(Process process, Path out, Path err, String commandLine) {
        /** Waits for the command to finish; fails (and kills it) if it does not within the time. */
        Result await(long timeoutSeconds) throws IOException, InterruptedException {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("confab " + commandLine + " did not finish in " + timeoutSeconds + " s");
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        }
    }

    /** An empty directory under the work directory; whatever an earlier run left there is deleted. */
    static Path freshDirectory(String name) throws IOException {
        Path directory = WORK.resolve(name);
        if (Files.exists(directory)) {
            try (var paths = Files.walk(directory)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        return Files.createDirectories(directory);
    }
}
