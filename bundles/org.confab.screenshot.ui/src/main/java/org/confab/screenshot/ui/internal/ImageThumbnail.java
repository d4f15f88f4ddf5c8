package org.confab.screenshot.ui.internal;

import java.nio.file.Path;
import java.util.concurrent.CompletionException;

import org.confab.client.ui.MessageView;
import org.confab.client.ui.WidgetIds;
import org.confab.protocol.messages.Messages.Attachment;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

/**
 * The inline thumbnail of one image message. Its size is known from the message's metadata before the
 * picture arrives, so the row does not jump when it does; the picture is downloaded and decoded off the
 * display thread. A click opens the full picture.
 */
final class ImageThumbnail {
    static final String THUMBNAIL_ID = "screenshot.thumbnail";
    /** Widget data of the thumbnail once loaded: the picture's file. */
    static final String FILE = "screenshot.file";
    static final int MAX_WIDTH = 360;
    static final int MAX_HEIGHT = 240;

    private final Label thumbnail;
    private Image image;

    ImageThumbnail(Composite parent, MessageView message, ImageStore store) {
        thumbnail = WidgetIds.name(new Label(parent, SWT.BORDER | SWT.CENTER), THUMBNAIL_ID);
        Point size = fit(message.meta().path("width").asInt(MAX_WIDTH), message.meta().path("height").asInt(MAX_HEIGHT));
        GridDataFactory.swtDefaults().hint(size).applyTo(thumbnail);
        thumbnail.addListener(SWT.Dispose, event -> {
            if (image != null) {
                image.dispose();
            }
        });
        if (!message.text().isEmpty()) {
            Label caption = WidgetIds.name(new Label(parent, SWT.NONE), "screenshot.caption");
            caption.setText(message.text());
        }
        if (message.attachments().isEmpty()) {
            thumbnail.setText("(no picture attached)");
            return;
        }
        thumbnail.setText("Loading the picture\u2026");
        Attachment picture = message.attachments().get(0);
        store.fetch(picture).thenApplyAsync(file -> new Loaded(file, new ImageLoader().load(file.toString())[0]))
                .whenComplete((loaded, failure) -> thumbnail.getDisplay().asyncExec(() -> {
                    if (thumbnail.isDisposed()) {
                        return;
                    }
                    if (failure != null) {
                        thumbnail.setText("The picture could not be loaded: " + reason(failure));
                        thumbnail.setToolTipText(picture.name());
                    } else {
                        show(loaded, store);
                    }
                }));
    }

    private record Loaded(Path file, ImageData data) {
    }

    private void show(Loaded loaded, ImageStore store) {
        image = DevicePixels.scaled(thumbnail.getDisplay(), loaded.data(), fit(loaded.data().width, loaded.data().height));
        thumbnail.setText("");
        thumbnail.setImage(image);
        thumbnail.setData(FILE, loaded.file());
        thumbnail.setToolTipText("Click to open the picture");
        thumbnail.setCursor(thumbnail.getDisplay().getSystemCursor(SWT.CURSOR_HAND));
        thumbnail.addListener(SWT.MouseUp, event -> ImageViewer.show(thumbnail.getShell(), loaded.file(), loaded.data(),
                new ImageOutput(store.screenshotFolder())));
        thumbnail.requestLayout();
    }

    /** The thumbnail size of a picture: at most MAX_WIDTH by MAX_HEIGHT, never enlarged, aspect kept. */
    static Point fit(int width, int height) {
        double scale = Math.min(1.0, Math.min((double) MAX_WIDTH / Math.max(1, width), (double) MAX_HEIGHT / Math.max(1, height)));
        return new Point(Math.max(1, (int) Math.round(width * scale)), Math.max(1, (int) Math.round(height * scale)));
    }

    private static String reason(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
