package org.confab.filetransfer.ui.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.confab.client.core.AttachmentClient;
import org.confab.client.core.ConfabConnectionException;
import org.confab.client.core.OutgoingMessage;
import org.confab.client.core.UploadedAttachment;
import org.confab.client.ui.ChatSession;
import org.confab.client.ui.ClientSettings;
import org.confab.client.ui.ConversationContext;
import org.confab.protocol.messages.Messages.Attachment;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Sends and receives files as {@link TransferJob}s. Sending uploads the file to the server's attachment
 * store (resuming an earlier partial upload of the same bytes) and then offers it with a message of kind
 * {@code file}; receiving accepts the offer, downloads into a folder (the library checks the SHA-256 and
 * picks a safe name) and tells the server it was downloaded.
 */
@Component(service = FileTransfers.class)
public final class FileTransfers {
    private static final String DEFAULT_MEDIA_TYPE = "application/octet-stream";

    private final ChatSession session;
    private final ClientSettings settings;
    private final FileStates states;
    private final Map<String, Job> downloads = new ConcurrentHashMap<>();

    @Activate
    public FileTransfers(@Reference ChatSession session, @Reference ClientSettings settings,
            @Reference FileStates states) {
        this.session = session;
        this.settings = settings;
        this.states = states;
    }

    @Deactivate
    void deactivate() {
        Job.getJobManager().cancel(TransferJob.FAMILY);
    }

    /** Uploads a file and offers it in the conversation; the job is scheduled and returned. */
    Job send(ConversationContext conversation, Path file) {
        Job job = sendJob(conversation, file);
        job.schedule();
        return job;
    }

    private TransferJob<UploadedAttachment> sendJob(ConversationContext conversation, Path file) {
        String name = file.getFileName().toString();
        Display display = conversation.shell().getDisplay();
        return new TransferJob<>("Sending " + name + " to " + conversation.peerDisplayName(),
                progress -> attachments().upload(file, mediaType(file), progress),
                uploaded -> offer(display, conversation, uploaded),
                text -> { }, failure -> { },
                () -> sendJob(conversation, file));
    }

    /**
     * The offer goes through the conversation so it appears there at once with its delivery state; when
     * the conversation was closed meanwhile, through the session.
     */
    private CompletableFuture<?> offer(Display display, ConversationContext conversation, UploadedAttachment file) {
        ObjectNode meta = JsonNodeFactory.instance.objectNode().put("sha256", file.sha256());
        OutgoingMessage message = OutgoingMessage.of(FileStates.KIND, file.name(), meta,
                List.of(new Attachment(file.id(), file.name(), file.size(), file.mediaType())));
        states.update(file.id(), t -> t.withState(FileState.OFFERED).withPeer(conversation.peer()));
        CompletableFuture<Object> sent = new CompletableFuture<>();
        display.asyncExec(() -> {
            CompletableFuture<?> sending;
            try {
                sending = conversation.send(message);
            } catch (RuntimeException e) {
                sending = session.send(conversation.peer(), message);
            }
            sending.whenComplete((answer, failure) -> {
                if (failure == null) {
                    sent.complete(answer);
                } else {
                    sent.completeExceptionally(failure);
                }
            });
        });
        return sent;
    }

    /**
     * Accepts an offer (unless it was accepted before, when this resumes the download) and downloads it
     * into the folder.
     */
    Job receive(String id, String name, String sender, Path folder) {
        Job running = downloads.get(id);
        if (running != null) {
            return running;
        }
        Job job = receiveJob(id, name, sender, folder);
        downloads.put(id, job);
        job.schedule();
        return job;
    }

    private TransferJob<Path> receiveJob(String id, String name, String sender, Path folder) {
        boolean accepted = states.get(id).state().filter(s -> s == FileState.ACCEPTED).isPresent();
        return new TransferJob<>("Receiving " + name + " from " + sender,
                progress -> acceptAndDownload(id, accepted, folder, progress),
                saved -> downloaded(id, folder, saved),
                text -> states.update(id, t -> text.isEmpty() ? t : t.running(text)),
                failure -> {
                    downloads.remove(id);
                    states.update(id, t -> t.stopped(failure instanceof CancellationException
                            ? Optional.of("Cancelled; accept again to resume.")
                            : Optional.of("Download failed: " + Failures.describe(failure))));
                },
                () -> {
                    TransferJob<Path> again = receiveJob(id, name, sender, folder);
                    downloads.put(id, again);
                    return again;
                });
    }

    /** Cancelling the result cancels the download too (thenCompose would leave it running). */
    private CompletableFuture<Path> acceptAndDownload(String id, boolean accepted, Path folder,
            org.confab.client.core.TransferProgress progress) {
        CompletableFuture<Path> result = new CompletableFuture<>();
        accept(id, accepted).whenComplete((ok, refused) -> {
            if (refused != null) {
                result.completeExceptionally(refused);
                return;
            }
            if (result.isDone()) {
                return;
            }
            CompletableFuture<Path> download = download(id, folder, progress);
            result.whenComplete((path, failure) -> download.cancel(true));
            download.whenComplete((path, failure) -> {
                if (failure == null) {
                    result.complete(path);
                } else {
                    result.completeExceptionally(failure);
                }
            });
        });
        return result;
    }

    private CompletableFuture<?> accept(String id, boolean already) {
        states.update(id, t -> t.running("starting"));
        if (already) {
            return CompletableFuture.completedFuture(null);
        }
        return session.request("file.accept", idBody(id))
                .thenRun(() -> states.update(id, t -> t.withState(FileState.ACCEPTED)));
    }

    private CompletableFuture<Path> download(String id, Path folder, org.confab.client.core.TransferProgress progress) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(new IOException("cannot create the folder " + folder + ": " + e.getMessage(), e));
        }
        return attachments().download(id, folder, progress);
    }

    /** The library saved the file under a safe name; it must lie inside the folder whatever the sender named it. */
    private CompletableFuture<?> downloaded(String id, Path folder, Path saved) {
        if (!saved.toAbsolutePath().normalize().getParent().equals(folder.toAbsolutePath().normalize())) {
            try {
                Files.deleteIfExists(saved);
            } catch (IOException e) {
                // reported below either way
            }
            return CompletableFuture.failedFuture(new IOException("refused to save outside " + folder + ": " + saved));
        }
        downloads.remove(id);
        states.update(id, t -> t.saved(saved));
        return session.request("file.downloaded", idBody(id));
    }

    /** Declines an offer; the sender sees it declined. */
    CompletableFuture<?> decline(String id) {
        return session.request("file.decline", idBody(id))
                .whenComplete((ok, failure) -> states.update(id, t -> failure == null ? t.withState(FileState.DECLINED)
                        : t.stopped(Optional.of("Not declined: " + Failures.describe(failure)))));
    }

    /** Cancels a running download of the offer; the bytes received so far stay for a resume. */
    void cancel(String id) {
        Optional.ofNullable(downloads.get(id)).ifPresent(Job::cancel);
    }

    Path defaultFolder() {
        return settings.downloadDirectory();
    }

    private AttachmentClient attachments() {
        return session.attachments().orElseThrow(() -> new ConfabConnectionException("not logged in"));
    }

    private static ObjectNode idBody(String id) {
        return JsonNodeFactory.instance.objectNode().put("id", id);
    }

    private static String mediaType(Path file) {
        try {
            return Optional.ofNullable(Files.probeContentType(file)).orElse(DEFAULT_MEDIA_TYPE);
        } catch (IOException e) {
            return DEFAULT_MEDIA_TYPE;
        }
    }
}
