package org.confab.cli.internal;

import java.util.List;
import java.util.Set;

import org.confab.protocol.messages.Messages.ChatMessage;
import org.confab.protocol.messages.Messages.MessagePage;
import org.confab.protocol.messages.Messages.SearchRequest;

/** {@code search TEXT... [--peer P] [--limit N] [--before ID]}: messages containing the text. */
final class SearchCommand implements Command {
    @Override
    public String name() {
        return "search";
    }

    @Override
    public String synopsis() {
        return "TEXT... [--peer P] [--limit N] [--before ID]";
    }

    @Override
    public String description() {
        return "messages containing TEXT, newest first";
    }

    @Override
    public Set<String> options() {
        return Set.of("peer", "limit", "before");
    }

    @Override
    public int run(CommandContext context) throws Exception {
        List<String> words = context.operands(1, Integer.MAX_VALUE, "the text to search for");
        SearchRequest request = new SearchRequest(context.option("peer").orElse(null), String.join(" ", words),
                HistoryCommand.beforeId(context), HistoryCommand.limit(context));
        try (CliSession session = context.connect()) {
            session.login();
            MessagePage page = session.await(session.client().search(request));
            for (ChatMessage message : page.messages()) {
                context.output().message(message, true);
            }
        }
        return ExitCodes.OK;
    }
}
