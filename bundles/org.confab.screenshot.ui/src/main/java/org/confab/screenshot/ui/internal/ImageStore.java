package org.confab.screenshot.ui.internal;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.confab.client.core.ConfabConnectionException;
import org.confab.client.core.TransferProgress;
import org.confab.client.ui.ChatSession;
import org.confab.client.ui.ClientSettings;
import org.confab.protocol.messages.Messages.Attachment;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The pictures of image messages, downloaded once through the session's attachment store into a cache
 * in the bundle's data area (one folder per attachment id, readable by the user only; the library
 * verifies the SHA-256 and picks a safe name), and shared by every row that shows the same picture.
 */
@Component(service = ImageStore.class)
public final class ImageStore {
    /** Attachment ids as the protocol defines them; anything else never becomes a folder name. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{16,64}");

    private final ChatSession session;
    private final ClientSettings settings;
    private final Path cache;
    private final Map<String, CompletableFuture<Path>> loading = new ConcurrentHashMap<>();

    @Activate
    public ImageStore(@Reference ChatSession session, @Reference ClientSettings settings, BundleContext bundle) {
        this.session = session;
        this.settings = settings;
        File data = bundle.getDataFile("images");
        this.cache = data != null ? data.toPath() : Path.of(System.getProperty("java.io.tmpdir"), "confab-images");
    }

    /** The picture's file, downloaded if it is not in the cache yet. */
    CompletableFuture<Path> fetch(Attachment picture) {
        if (!ID.matcher(picture.id()).matches()) {
            return CompletableFuture.failedFuture(new IOException("the attachment id is malformed"));
        }
        CompletableFuture<Path> file = loading.computeIfAbsent(picture.id(), id -> load(id));
        file.whenComplete((path, failure) -> {
            if (failure != null) {
                loading.remove(picture.id(), file);
            }
        });
        return file;
    }

    /** Where Save as… starts. */
    Path screenshotFolder() {
        return settings.screenshotDirectory();
    }

    private CompletableFuture<Path> load(String id) {
        Path folder = cache.resolve(id);
        try {
            Optional<Path> cached = cached(folder);
            if (cached.isPresent()) {
                return CompletableFuture.completedFuture(cached.get());
            }
            ownerOnly(cache);
            ownerOnly(folder);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
        return session.attachments().map(store -> store.download(id, folder, TransferProgress.NONE))
                .orElseGet(() -> CompletableFuture.failedFuture(new ConfabConnectionException("not connected")));
    }

    /** Pictures people shared are nobody else's business: the cache's folders are the user's alone (0700). */
    private static void ownerOnly(Path folder) throws IOException {
        Files.createDirectories(folder);
        if (Files.getFileStore(folder).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        }
    }

    /** A complete download in the folder (part files start with a dot). */
    private static Optional<Path> cached(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> !f.getFileName().toString().startsWith(".")).filter(Files::isRegularFile).findFirst();
        }
    }
}
