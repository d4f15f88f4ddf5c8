package org.confab.screenshot.ui.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.ImageTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;

/** Where a picture can go besides the conversation: the clipboard, or a PNG file the user picks. */
final class ImageOutput {
    private final Path folder;

    /** @param folder where Save as… starts (the screenshot folder of the preferences) */
    ImageOutput(Path folder) {
        this.folder = folder;
    }

    void copy(Shell shell, ImageData picture) {
        Clipboard clipboard = new Clipboard(shell.getDisplay());
        try {
            clipboard.setContents(new Object[] { picture }, new Transfer[] { ImageTransfer.getInstance() });
        } finally {
            clipboard.dispose();
        }
    }

    /** Asks where and writes the picture there as PNG; says so when it cannot. */
    void saveAs(Shell shell, ImageData picture) {
        FileDialog dialog = new FileDialog(shell, SWT.SAVE);
        dialog.setText("Save the picture as PNG");
        dialog.setFilterExtensions(new String[] { "*.png" });
        dialog.setFilterPath(folder.toString());
        dialog.setFileName(ScreenshotFiles.name());
        dialog.setOverwrite(true);
        String chosen = dialog.open();
        if (chosen == null) {
            return;
        }
        Path target = Path.of(chosen.endsWith(".png") ? chosen : chosen + ".png");
        try {
            Files.write(target, png(picture));
        } catch (IOException | RuntimeException e) {
            MessageDialog.openError(shell, "Not saved", "Could not save " + target + ": " + e.getMessage());
        }
    }

    /** The picture encoded as PNG. */
    static byte[] png(ImageData picture) {
        ImageLoader loader = new ImageLoader();
        loader.data = new ImageData[] { picture };
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        loader.save(bytes, SWT.IMAGE_PNG);
        return bytes.toByteArray();
    }
}
