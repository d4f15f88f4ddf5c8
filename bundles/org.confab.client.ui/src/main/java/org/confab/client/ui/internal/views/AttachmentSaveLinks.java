package org.confab.client.ui.internal.views;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.confab.client.core.TransferProgress;
import org.confab.client.ui.ChatSession;
import org.confab.client.ui.ClientSettings;
import org.confab.client.ui.WidgetIds;
import org.confab.protocol.messages.Messages.Attachment;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Shell;

/**
 * "Save…" links under the fallback of a message whose kind no installed plugin shows (a screenshot
 * without the screenshot plugin, say), so its attachments stay reachable: each downloads through the
 * session's attachment store into a folder the user picks (the library verifies it and picks a safe
 * name).
 */
final class AttachmentSaveLinks {
    static final String SAVE_ID = "conversation.row.save";

    private AttachmentSaveLinks() {
    }

    static void add(Composite body, List<Attachment> attachments) {
        for (Attachment attachment : attachments) {
            Link link = WidgetIds.name(new Link(body, SWT.NONE), SAVE_ID);
            link.setText("<a>Save " + printable(attachment.name()) + "\u2026</a> (" + size(attachment.size()) + ")");
            link.addListener(SWT.Selection, event -> save(link.getShell(), attachment));
            GridDataFactory.fillDefaults().grab(true, false).applyTo(link);
        }
    }

    private static void save(Shell shell, Attachment attachment) {
        DirectoryDialog dialog = new DirectoryDialog(shell);
        dialog.setText("Save " + printable(attachment.name()));
        dialog.setMessage("The folder to save " + printable(attachment.name()) + " in:");
        Workbench.service(ClientSettings.class).ifPresent(settings -> dialog.setFilterPath(settings.downloadDirectory().toString()));
        String folder = dialog.open();
        if (folder == null) {
            return;
        }
        CompletableFuture<Path> saved = Workbench.service(ChatSession.class).flatMap(ChatSession::attachments)
                .map(store -> store.download(attachment.id(), Path.of(folder), TransferProgress.NONE))
                .orElseGet(() -> CompletableFuture.failedFuture(new IllegalStateException("not connected to the server")));
        saved.whenComplete((path, failure) -> shell.getDisplay().asyncExec(() -> {
            Shell parent = shell.isDisposed() ? null : shell;
            if (failure == null) {
                MessageDialog.openInformation(parent, "Saved", "Saved as " + path);
            } else {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                MessageDialog.openError(parent, "Not saved", "Could not save " + printable(attachment.name()) + ": " + cause.getMessage());
            }
        }));
    }

    /** A name from the network, without control characters and safe inside the link's markup. */
    private static String printable(String name) {
        return name.replaceAll("\\p{Cntrl}", "").replace("&", "&&").replace("<", "\u2039");
    }

    private static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        int unit = (63 - Long.numberOfLeadingZeros(bytes)) / 10;
        return String.format(Locale.ROOT, "%.1f %sB", bytes / Math.pow(1024, unit), " KMGTPE".charAt(unit));
    }
}
