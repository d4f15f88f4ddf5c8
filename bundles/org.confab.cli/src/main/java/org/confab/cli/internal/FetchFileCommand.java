package org.confab.cli.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.confab.client.core.AttachmentInfo;
import org.confab.client.core.ConfabException;
import org.confab.client.core.TransferProgress;

/**
 * {@code fetch-file ID DEST_DIR}: downloads a file offered to the user into the folder (created if
 * missing), resuming from what an interrupted fetch left there and saying so ("resuming at offset N"
 * on stderr), checks its SHA-256, saves it under its sanitised name without overwriting anything, prints
 * the saved path, and tells the sender it was downloaded.
 */
final class FetchFileCommand implements Command {
    @Override
    public String name() {
        return "fetch-file";
    }

    @Override
    public String synopsis() {
        return "ID DEST_DIR [--limit-rate BYTES/S]";
    }

    @Override
    public String description() {
        return "download an offered file into DEST_DIR (resumable, verified); prints the saved path";
    }

    @Override
    public Set<String> options() {
        return Set.of("limit-rate");
    }

    @Override
    public int run(CommandContext context) throws Exception {
        List<String> operands = context.operands(2, 2, "a file id and a destination folder");
        String id = FileCommands.id(operands.get(0));
        Path folder = Path.of(operands.get(1)).toAbsolutePath();
        context.option("limit-rate").ifPresent(RateLimit::parse); // a usage error before connecting
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new UsageException("not a folder: " + folder);
        }
        try (CliSession session = context.connect()) {
            session.login();
            FileCommands.requireCapability(session, "attach");
            boolean plugin = session.client().serverCapabilities().containsKey("file");
            AttachmentInfo info = session.await(session.client().attachments().info(id));
            if (plugin) {
                tell(context, session, "file.accept", () -> session.await(session.client().files().accept(id)));
            }
            AtomicLong resumedFrom = new AtomicLong(-1);
            ProgressPrinter printer = new ProgressPrinter(context.err(), "fetching " + FilesCommand.printable(info.name()));
            TransferProgress progress = (done, total, from) -> {
                resumedFrom.compareAndSet(-1, from); // where this run began
                printer.update(done, total, from);
            };
            Path saved = session.awaitTransfer(session.client().attachments().download(id, folder,
                    RateLimit.of(context, progress)));
            context.err().println("checksum verified (SHA-256 " + info.sha256() + ")");
            if (plugin) {
                tell(context, session, "file.downloaded",
                        () -> session.await(session.client().files().downloaded(id)));
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("id", id);
            fields.put("path", saved.toString());
            fields.put("size", info.size());
            fields.put("sha256", info.sha256());
            fields.put("resumedFrom", resumedFrom.get());
            context.output().item(saved.toString(), fields);
        }
        return ExitCodes.OK;
    }

    interface Step {
        void run() throws Exception;
    }

    /**
     * Tells the sender about the fetch. The file is what the user asked for, so a refusal here (an
     * attachment that came without an offer, for example) is reported but does not fail the command.
     */
    private static void tell(CommandContext context, CliSession session, String what, Step step) throws Exception {
        try {
            step.run();
        } catch (ConfabException e) {
            context.err().println("note: " + what + " was refused: " + e.wireCode() + ": " + e.getMessage());
        }
    }
}
