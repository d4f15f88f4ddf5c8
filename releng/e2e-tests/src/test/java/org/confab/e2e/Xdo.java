package org.confab.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Drives a real window on the X display from outside, as a person would: xdotool types, presses keys
 * and clicks; ImageMagick's {@code import} reads pixels of the screen, and each step is awaited by the
 * pixels of the region where its result appears.
 */
final class Xdo {
    private static final long TIMEOUT_SECONDS = 90;

    private Xdo() {
    }

    static void requireTools() {
        for (String tool : List.of("xdotool", "import")) {
            try {
                if (new ProcessBuilder("which", tool).start().waitFor() != 0) {
                    throw new AssertionError(tool + " is missing (Debian: apt-get install xdotool imagemagick; .ci/run installs them)");
                }
            } catch (IOException | InterruptedException e) {
                throw new AssertionError("cannot look for " + tool, e);
            }
        }
        if (System.getenv("DISPLAY") == null) {
            throw new AssertionError("no DISPLAY: ./confab test starts Xvfb when there is none");
        }
    }

    static void type(String text) {
        run("xdotool", "type", "--delay", "15", text);
    }

    static void key(String... keys) {
        List<String> command = new ArrayList<>(List.of("xdotool", "key", "--delay", "60"));
        command.addAll(Arrays.asList(keys));
        run(command.toArray(String[]::new));
    }

    static void click(int x, int y) {
        run("xdotool", "mousemove", "--sync", String.valueOf(x), String.valueOf(y), "click", "1");
    }

    static void doubleClick(int x, int y) {
        run("xdotool", "mousemove", "--sync", String.valueOf(x), String.valueOf(y), "click", "--repeat", "2", "--delay", "80", "1");
    }

    /** The pixels of a screen region (raw RGB), to compare. */
    static byte[] region(int x, int y, int width, int height) {
        try {
            Path file = Files.createTempFile(Files.createDirectories(Processes.WORK), "region", ".rgb");
            run("import", "-window", "root", "-crop", width + "x" + height + "+" + x + "+" + y, "-depth", "8", "rgb:" + file);
            byte[] pixels = Files.readAllBytes(file);
            Files.delete(file);
            return pixels;
        } catch (IOException e) {
            throw new AssertionError("cannot read the screen", e);
        }
    }

    /** A screen region: left, top, width, height. */
    record Region(int x, int y, int width, int height) {
        byte[] pixels() {
            return region(x, y, width, height);
        }

        /**
         * Whether something is drawn there in a dark colour (text, an icon) on a light background; the
         * bare screen of the X server (black) has no background, so it does not count.
         */
        boolean hasInk() {
            byte[] pixels = pixels();
            boolean dark = false;
            boolean light = false;
            for (int i = 0; i + 2 < pixels.length; i += 3) {
                int r = pixels[i] & 0xff;
                int g = pixels[i + 1] & 0xff;
                int b = pixels[i + 2] & 0xff;
                dark |= r < 180 && g < 180 && b < 180;
                light |= r > 225 && g > 225 && b > 225;
            }
            return dark && light;
        }
    }

    /**
     * Does {@code action} and waits until {@code watched} shows something else: dialogs of the client
     * have no titles of their own under a bare X server, so a step is over when its pixels changed.
     */
    static void changes(String what, Region watched, Runnable action) {
        byte[] before = watched.pixels();
        action.run();
        awaitThat(what, () -> !Arrays.equals(watched.pixels(), before));
    }

    /**
     * Clicks until {@code done} holds: a click that reaches a dialog before GTK has finished mapping it
     * is lost, and nothing outside the process says when it is ready.
     */
    static void clickUntil(String what, int x, int y, BooleanSupplier done) {
        awaitThat(what, () -> {
            if (done.getAsBoolean()) {
                return true;
            }
            click(x, y);
            long settle = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (System.nanoTime() < settle) {
                if (done.getAsBoolean()) {
                    return true;
                }
            }
            return false;
        });
    }

    /** Saves the whole screen as a PNG (for a failed run's reader, or for docs). */
    static Path screenshot(String name) {
        try {
            Path file = Files.createDirectories(Processes.WORK.resolve("screens")).resolve(name + ".png");
            run("import", "-window", "root", file.toString());
            return file;
        } catch (IOException e) {
            throw new AssertionError("cannot save the screen", e);
        }
    }

    /** Polls until {@code condition} holds (a window has no title to await, only pixels or files). */
    static void awaitThat(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " did not happen within " + TIMEOUT_SECONDS + " s; screen: " + screenshot("timeout"));
            }
            try {
                Thread.sleep(200); // polling interval of an outside observer, not a wait for a fixed time
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    private static void run(String... command) {
        if (exec(command) != 0) {
            throw new AssertionError("failed: " + String.join(" ", command));
        }
    }

    private static int exec(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(TIMEOUT_SECONDS + 10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command[0], e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
