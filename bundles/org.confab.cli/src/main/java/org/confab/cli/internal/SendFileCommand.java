package org.confab.cli.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.confab.client.core.UploadedAttachment;
import org.confab.protocol.messages.Messages.ChatSent;

/**
 * {@code send-file PEER PATH [--name NAME] [--media-type TYPE]}: uploads the file (progress on stderr,
 * resuming where an interrupted upload of the same file stopped), then offers it to the peer with a
 * message of kind {@code file}, and prints the file's id once the server holds all of it and the offer
 * is stored. The peer need not be online.
 */
final class SendFileCommand implements Command {
    @Override
    public String name() {
        return "send-file";
    }

    @Override
    public String synopsis() {
        return "PEER PATH [--name NAME] [--media-type TYPE] [--limit-rate BYTES/S]";
    }

    @Override
    public String description() {
        return "upload a file (resumable) and offer it to PEER; prints its id when the server has it all";
    }

    @Override
    public Set<String> options() {
        return Set.of("name", "media-type", "limit-rate");
    }

    @Override
    public int run(CommandContext context) throws Exception {
        List<String> operands = context.operands(2, 2, "a peer and the path of a file");
        Path file = Path.of(operands.get(1));
        if (!Files.isRegularFile(file)) {
            throw new UsageException("not a readable file: " + file);
        }
        String name = context.option("name").map(text -> OptionValues.text("--name", text, 255))
                .orElse(file.getFileName().toString());
        String mediaType = context.option("media-type").orElse(null);
        context.option("limit-rate").ifPresent(RateLimit::parse); // a usage error before connecting
        try (CliSession session = context.connect()) {
            session.login();
            FileCommands.requireCapability(session, "attach");
            UploadedAttachment uploaded = session.awaitTransfer(session.client().attachments().upload(file, name,
                    mediaType, RateLimit.of(context, new ProgressPrinter(context.err(), "sending " + name))));
            ChatSent offer = session.await(session.client().files().offer(operands.get(0), uploaded));
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("id", uploaded.id());
            fields.put("messageId", offer.messageId());
            fields.put("name", uploaded.name());
            fields.put("size", uploaded.size());
            fields.put("sha256", uploaded.sha256());
            fields.put("resumedFrom", uploaded.resumedFrom());
            context.output().item(uploaded.id(), fields);
        }
        return ExitCodes.OK;
    }
}
