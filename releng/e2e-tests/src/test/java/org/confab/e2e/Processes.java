package org.confab.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
        builder.environment().putAll(environment);
        return builder;
    }

    /** Runs a command to completion (at most 60 s). */
    static Result run(Map<String, String> environment, String... arguments) throws IOException, InterruptedException {
        Files.createDirectories(WORK);
        Path out = Files.createTempFile(WORK, "out", ".txt");
        Path err = Files.createTempFile(WORK, "err", ".txt");
        Process process = confab(environment, arguments).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("confab " + String.join(" ", arguments) + " did not finish in 60 s");
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
