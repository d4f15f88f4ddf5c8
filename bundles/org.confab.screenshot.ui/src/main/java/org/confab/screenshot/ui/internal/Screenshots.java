package org.confab.screenshot.ui.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.confab.client.core.ConfabConnectionException;
import org.confab.client.core.OutgoingMessage;
import org.confab.client.core.TransferProgress;
import org.confab.client.core.UploadedAttachment;
import org.confab.client.ui.ConversationContext;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.osgi.service.component.annotations.Component;

/**
 * The way from the screen (or the clipboard) to the conversation: hide the window if the preferences
 * say so, wait the delay, capture all monitors, let the user select a region on the overlay, mark it up
 * in the preview, then fit it under the size limit, keep it as PNG in the screenshot folder, upload it
 * to the server's attachment store through the session and send it as a message of kind {@code image}
 * (so a recipient who is offline gets it at login). Everything here runs on the display thread except
 * encoding and uploading.
 */
@Component(service = Screenshots.class)
public final class Screenshots {
    /** The message kind of shared pictures. */
    static final String KIND = "image";
    static final String MEDIA_TYPE = "image/png";
    /** Time for the window manager to take the hidden window off the screen before the capture. */
    private static final int HIDE_SETTLE_MILLIS = 300;

    private boolean capturing;

    /** Starts a screenshot for a conversation; a second start while one is under way is ignored. */
    void share(ConversationContext context) {
        if (capturing) {
            return;
        }
        capturing = true;
        Shell window = context.shell();
        Display display = window.getDisplay();
        boolean hide = ScreenshotPreferences.hideWindow() && window.isVisible();
        if (hide) {
            window.setVisible(false);
        }
        int wait = ScreenshotPreferences.delaySeconds() * 1000 + (hide ? HIDE_SETTLE_MILLIS : 0);
        Runnable capture = () -> {
            Rectangle desktop = ScreenGrabber.desktop(display);
            try {
                ImageData screen;
                try {
                    screen = ScreenGrabber.grab(display, desktop);
                } finally {
                    if (hide && !window.isDisposed()) {
                        window.setVisible(true);
                    }
                }
                RegionOverlay.select(display, desktop, screen, region -> {
                    capturing = false;
                    region.ifPresent(picture -> preview(context, picture, "Share a screenshot with " + context.peerDisplayName()));
                });
            } catch (RuntimeException e) {
                // without this the next "Share screenshot" would be ignored forever
                capturing = false;
                MessageDialog.openError(window.isDisposed() ? null : window, "No screenshot",
                        "The screen could not be captured: " + reason(e));
            }
        };
        if (wait == 0) {
            display.asyncExec(capture);
        } else {
            display.timerExec(wait, capture);
        }
    }

    /** Opens the markup and preview of a picture; Send shares it in the conversation. */
    PreviewDialog preview(ConversationContext context, ImageData picture, String title) {
        return PreviewDialog.show(context.shell(), title, picture, new ImageOutput(context.settings().screenshotDirectory()),
                marked -> send(context, marked));
    }

    /**
     * Sends a picture into the conversation as a PNG attachment; a failure (too large, not logged in, the
     * server refused it) is shown in a dialog. The returned future completes when the message is sent.
     */
    CompletableFuture<?> send(ConversationContext context, ImageData picture) {
        Display display = context.shell().getDisplay();
        SizeLimit limit = ScreenshotPreferences.sizeLimit();
        Path folder = context.settings().screenshotDirectory();
        CompletableFuture<?> sent = CompletableFuture.supplyAsync(() -> fit(limit, picture))
                .thenCompose(fitted -> upload(context, folder, fitted)
                        .thenCompose(uploaded -> onDisplay(display, () -> context.send(message(fitted, uploaded)))));
        sent.whenComplete((ok, failure) -> {
            if (failure != null) {
                display.asyncExec(() -> MessageDialog.openError(context.shell().isDisposed() ? null : context.shell(),
                        "Screenshot not sent", reason(failure)));
            }
        });
        return sent;
    }

    private static SizeLimit.Fitted fit(SizeLimit limit, ImageData picture) {
        try {
            return limit.fit(picture);
        } catch (SizeLimit.TooLarge e) {
            throw new CompletionException(e);
        }
    }

    private static CompletableFuture<UploadedAttachment> upload(ConversationContext context, Path folder,
            SizeLimit.Fitted fitted) {
        try {
            Path file = ScreenshotFiles.write(folder, fitted.png());
            return context.session().attachments()
                    .orElseThrow(() -> new ConfabConnectionException("not connected to the server"))
                    .upload(file, MEDIA_TYPE, TransferProgress.NONE);
        } catch (java.io.IOException e) {
            return CompletableFuture.failedFuture(
                    new java.io.IOException("cannot write the screenshot to " + folder + ": " + e.getMessage(), e));
        }
    }

    static OutgoingMessage message(SizeLimit.Fitted fitted, UploadedAttachment uploaded) {
        ObjectNode meta = JsonNodeFactory.instance.objectNode().put("width", fitted.width()).put("height", fitted.height());
        String text = "Screenshot (" + fitted.width() + " \u00D7 " + fitted.height() + " pixels"
                + (fitted.scaled() ? ", scaled down" : "") + ")";
        return OutgoingMessage.of(KIND, text, meta, List.of(uploaded.reference()));
    }

    private static <T> CompletableFuture<T> onDisplay(Display display, java.util.function.Supplier<CompletableFuture<T>> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        display.asyncExec(() -> {
            try {
                work.get().whenComplete((value, failure) -> {
                    if (failure == null) {
                        result.complete(value);
                    } else {
                        result.completeExceptionally(failure);
                    }
                });
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    private static String reason(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
