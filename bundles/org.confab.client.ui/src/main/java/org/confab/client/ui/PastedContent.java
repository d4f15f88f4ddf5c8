package org.confab.client.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.eclipse.swt.graphics.ImageData;

/**
 * What the clipboard held when the user pasted into a composer something that is not plain text.
 *
 * @param image a picture (a screenshot, say), if the clipboard held one
 * @param files files copied in a file manager; empty when none
 */
public record PastedContent(Optional<ImageData> image, List<Path> files) {
    public PastedContent {
        files = List.copyOf(files);
    }
}
