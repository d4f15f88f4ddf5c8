package org.confab.server.attachments.internal;

import java.util.Locale;
import java.util.Optional;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.confab.protocol.ProtocolException;
import org.confab.protocol.messages.AttachmentMessages.FileEntry;
import org.confab.protocol.messages.AttachmentMessages.FilePage;
import org.confab.server.api.AdminActor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Console command {@code confab:files} (and {@link FileDeleteCommand}), acting as the console (full
 * rights, audited like the network requests). A refused command throws, so scripts see the failure.
 */
@Component(service = FileCommands.class, property = { "osgi.command.scope=confab", "osgi.command.function=files" })
public class FileCommands {

    private final FileAdministration files;

    @Activate
    public FileCommands(@Reference FileAdministration files) {
        this.files = files;
    }

    @Descriptor("list stored files, newest first: id, owner, size, state, age, name")
    public String files(@Descriptor("only the files of USERNAME") @Parameter(names = { "-o", "--owner" }, absentValue = "") String owner,
            @Descriptor("how many") @Parameter(names = { "-n", "--count" }, absentValue = "50") int count) {
        try {
            FilePage page = files.files(AdminActor.console(), owner.isBlank() ? Optional.empty() : Optional.of(owner), 0, count);
            StringBuilder text = new StringBuilder();
            text.append(String.format(Locale.ROOT, "%-24s  %-16s  %14s  %-8s  %-20s  %s%n", "ID", "OWNER", "BYTES", "STATE", "CREATED", "NAME"));
            for (FileEntry f : page.files()) {
                text.append(String.format(Locale.ROOT, "%-24s  %-16s  %,14d  %-8s  %-20s  %s%n", f.id(), f.owner(), f.size(), f.state(),
                        f.created().replaceFirst("\\.\\d+Z$", "Z"), f.name()));
            }
            return text.append(page.files().size()).append(" of ").append(page.total()).append(" files").toString();
        } catch (ProtocolException e) {
            throw new IllegalStateException(e.code() + ": " + e.getMessage(), e);
        }
    }
}
