package org.confab.cli.internal;

import java.util.Optional;
import java.util.Set;

import org.confab.protocol.Protocol;
import org.confab.protocol.messages.Messages.ChatMessage;
import org.confab.protocol.messages.Messages.HistoryRequest;
import org.confab.protocol.messages.Messages.MessagePage;
import org.confab.protocol.messages.Messages.SearchRequest;

/**
 * {@code history PEER [--limit N] [--before ID] [--search TEXT]}: the conversation with one peer,
 * newest first; with {@code --search} only the messages containing the text.
 */
final class HistoryCommand implements Command {
    static final int DEFAULT_LIMIT = 20;

    @Override
    public String name() {
        return "history";
    }

    @Override
    public String synopsis() {
        return "PEER [--limit N] [--before ID] [--search TEXT]";
    }

    @Override
    public String description() {
        return "messages exchanged with PEER (containing TEXT), newest first";
    }

    @Override
    public Set<String> options() {
        return Set.of("limit", "before", "search");
    }

    @Override
    public int run(CommandContext context) throws Exception {
        String peer = context.operands(1, 1, "one peer").get(0);
        Optional<SearchRequest> search = context.option("search")
                .map(text -> new SearchRequest(peer, text, beforeId(context), limit(context)));
        HistoryRequest request = new HistoryRequest(peer, beforeId(context), limit(context));
        try (CliSession session = context.connect()) {
            session.login();
            MessagePage page = session.await(search.isPresent() ? session.client().search(search.get())
                    : session.client().history(request));
            for (ChatMessage message : page.messages()) {
                context.output().message(message, true);
            }
        }
        return ExitCodes.OK;
    }

    static int limit(CommandContext context) {
        return context.option("limit").map(text -> (int) OptionValues.inRange("--limit", text, 1, Protocol.MAX_PAGE_SIZE))
                .orElse(DEFAULT_LIMIT);
    }

    /** The {@code --before} message id, or null for "from the newest" as the protocol wants it. */
    static Long beforeId(CommandContext context) {
        return context.option("before").map(text -> OptionValues.inRange("--before", text, 1, Long.MAX_VALUE))
                .orElse(null);
    }
}
