package org.confab.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Large files of random bytes, their checksums, and waiting for a transfer's progress on stderr. */
final class TestFiles {
    private static final int BLOCK = 1 << 20;
    private static final Pattern PERCENT = Pattern.compile("\\((\\d+)%\\)");
    private static final Pattern RESUMING = Pattern.compile("resuming at offset (\\d+)");
    private static final Pattern JSON_ID = Pattern.compile("\"id\":\"([A-Za-z0-9_-]{16,64})\"");
    private static final Pattern JSON_PATH = Pattern.compile("\"path\":\"((?:[^\"\\\\]|\\\\.)*)\"");

    private TestFiles() {
    }

    /** A file of {@code size} pseudo-random bytes (the same for the same seed), written a megabyte at a time. */
    static Path random(Path file, long size, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] block = new byte[BLOCK];
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = size; left > 0; left -= BLOCK) {
                random.nextBytes(block);
                out.write(block, 0, (int) Math.min(BLOCK, left));
            }
        }
        return file;
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[BLOCK];
            for (int read; (read = in.read(buffer)) > 0;) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** Waits until the running command printed progress of at least {@code percent} on stderr. */
    static void awaitProgress(Processes.Running command, int percent, long timeoutSeconds) throws Exception {
        awaitStderr(command, text -> {
            Matcher matcher = PERCENT.matcher(text);
            int highest = -1;
            while (matcher.find()) {
                highest = Math.max(highest, Integer.parseInt(matcher.group(1)));
            }
            return highest >= percent;
        }, "progress of " + percent + "%", timeoutSeconds);
    }

    static void awaitStderr(Processes.Running command, Predicate<String> wanted, String what, long timeoutSeconds)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (true) {
            String err = Files.readString(command.err());
            if (wanted.test(err)) {
                return;
            }
            if (!command.process().isAlive() || System.nanoTime() > deadline) {
                command.process().destroyForcibly();
                throw new AssertionError("confab " + command.commandLine() + " " + (command.process().isAlive()
                        ? "ran " + timeoutSeconds + " s" : "ended") + " without " + what + ":\nstderr: " + err
                        + "\nstdout: " + Files.readString(command.out()));
            }
            Thread.sleep(50);
        }
    }

    /** SIGKILL for a CLI run ({@code ./confab cli} execs the JVM, so this is the client itself). */
    static void kill(Processes.Running command) throws InterruptedException {
        command.process().destroyForcibly();
        if (!command.process().waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the CLI did not die of SIGKILL");
        }
    }

    /** The offset a "resuming at offset N" line names; -1 when there is none. */
    static long resumedAt(String stderr) {
        Matcher matcher = RESUMING.matcher(stderr);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
    }

    static String id(String json) {
        Matcher matcher = JSON_ID.matcher(json);
        if (!matcher.find()) {
            throw new AssertionError("no file id in " + json);
        }
        return matcher.group(1);
    }

    static Path path(String json) {
        Matcher matcher = JSON_PATH.matcher(json);
        if (!matcher.find()) {
            throw new AssertionError("no path in " + json);
        }
        return Path.of(unescape(matcher.group(1)));
    }

    /** Enough of JSON's string escapes for the paths the CLI prints. */
    private static String unescape(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char next = text.charAt(++i);
            switch (next) {
            case 'u' -> {
                out.append((char) Integer.parseInt(text.substring(i + 1, i + 5), 16));
                i += 4;
            }
            case 'n' -> out.append('\n');
            case 't' -> out.append('\t');
            default -> out.append(next);
            }
        }
        return out.toString();
    }

    /** Deletes the big files a test made (inputs, downloads, stored copies), keeping logs for a post-mortem. */
    static void deleteLarge(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                if (Files.size(path) > BLOCK) {
                    Files.delete(path);
                }
            }
        }
    }
}
