package org.confab.screenshot.ui.internal;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** Names and writes the PNG files of screenshots in the screenshot folder of the preferences. */
final class ScreenshotFiles {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd 'at' HH.mm.ss");

    private ScreenshotFiles() {
    }

    /** "Screenshot 2026-12-03 at 23.40.12.png" */
    static String name() {
        return "Screenshot " + LocalDateTime.now().format(STAMP) + ".png";
    }

    /** Writes the bytes under a new name in the folder ("… (2).png" when taken within the same second). */
    static Path write(Path folder, byte[] png) throws IOException {
        Files.createDirectories(folder);
        String base = name();
        for (int attempt = 1;; attempt++) {
            Path file = folder.resolve(attempt == 1 ? base : base.replace(".png", " (" + attempt + ").png"));
            try {
                Files.write(file, png, java.nio.file.StandardOpenOption.CREATE_NEW,
                        java.nio.file.StandardOpenOption.WRITE);
                return file;
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }
}
