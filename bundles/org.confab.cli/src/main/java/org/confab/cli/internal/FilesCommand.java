package org.confab.cli.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.confab.client.core.FileOffer;
import org.confab.client.core.SentFile;
import org.confab.protocol.messages.MessageKinds;

/**
 * {@code files [--sent]}: the files offered to the user and not yet fetched or declined, with the ids
 * {@code fetch-file} and {@code decline-file} take; with {@code --sent} the files the user offered and
 * what became of each. {@code --json} prints one object per file.
 */
final class FilesCommand implements Command {
    static final String SENT = "sent";

    @Override
    public String name() {
        return "files";
    }

    @Override
    public String synopsis() {
        return "[--sent]";
    }

    @Override
    public String description() {
        return "files offered to you (ids for fetch-file); --sent: the files you offered and their state";
    }

    @Override
    public Set<String> flags() {
        return Set.of(SENT);
    }

    @Override
    public int run(CommandContext context) throws Exception {
        context.operands(0, 0, "no arguments besides --sent");
        try (CliSession session = context.connect()) {
            session.login();
            FileCommands.requireCapability(session, "file");
            if (context.flag(SENT)) {
                printSent(context, session.await(session.client().files().sent()));
            } else {
                printOffers(context, session.await(session.client().files().offers()));
            }
        }
        return ExitCodes.OK;
    }

    private static void printOffers(CommandContext context, List<FileOffer> offers) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("ID", "FROM", "SIZE", "STATE", "OFFERED", "NAME"));
        for (FileOffer offer : offers) {
            rows.add(List.of(offer.id(), offer.from(), MessageKinds.size(offer.size()), offer.state(),
                    String.valueOf(offer.offered()), printable(offer.name())));
        }
        print(context, rows, offers.stream().map(offer -> {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("id", offer.id());
            fields.put("messageId", offer.messageId());
            fields.put("from", offer.from());
            fields.put("name", offer.name());
            fields.put("size", offer.size());
            fields.put("sha256", offer.sha256());
            fields.put("mediaType", offer.mediaType());
            fields.put("state", offer.state());
            fields.put("offered", offer.offered());
            return fields;
        }).toList(), "no files offered to you");
    }

    private static void printSent(CommandContext context, List<SentFile> sent) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("ID", "TO", "SIZE", "STATE", "NAME"));
        for (SentFile file : sent) {
            rows.add(List.of(file.id(), file.to(), MessageKinds.size(file.size()), file.state(), printable(file.name())));
        }
        print(context, rows, sent.stream().map(file -> {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("id", file.id());
            fields.put("to", file.to());
            fields.put("name", file.name());
            fields.put("size", file.size());
            fields.put("state", file.state());
            return fields;
        }).toList(), "you have not offered any files");
    }

    /** A table for people (header first), one JSON object per row for programs. */
    private static void print(CommandContext context, List<List<String>> rows, List<Map<String, Object>> objects,
            String none) {
        if (objects.isEmpty()) {
            context.output().text(none);
            return;
        }
        List<String> lines = TextTable.format(rows);
        context.output().text(lines.get(0));
        for (int i = 0; i < objects.size(); i++) {
            context.output().item(lines.get(i + 1), objects.get(i));
        }
    }

    /** A name from the network in one table cell: no terminal controls, no line breaks (see TerminalText). */
    static String printable(String name) {
        return TerminalText.safe(name).replace("\n", "\\n").replace("\t", "\\t");
    }
}
