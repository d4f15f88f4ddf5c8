package org.confab.cli.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.confab.protocol.Protocol;
import org.confab.protocol.messages.AdminMessages;
import org.confab.protocol.messages.AdminMessages.UserEntry;
import org.confab.protocol.messages.AdminMessages.UserPage;
import org.confab.protocol.messages.AdminMessages.UserQuery;

/** {@code admin users [--query TEXT] [--offset N] [--limit N]}: one page of the accounts, by username. */
final class AdminUsersCommand extends AdminCommand<UserQuery> {
    static final int DEFAULT_LIMIT = 50;
    private static final int MAX_QUERY = 64;

    AdminUsersCommand() {
        super("users");
    }

    @Override
    public String synopsis() {
        return "[--query TEXT] [--offset N] [--limit N]";
    }

    @Override
    public String description() {
        return "accounts whose name contains TEXT (default: all), " + DEFAULT_LIMIT + " at a time";
    }

    @Override
    public Set<String> options() {
        return Set.of("query", "offset", "limit", "sort");
    }

    @Override
    public Set<String> flags() {
        return Set.of("descending");
    }

    @Override
    UserQuery request(CommandContext context) {
        context.operands(0, 0, "no arguments besides --query, --offset, --limit, --sort and --descending");
        String query = context.option("query").map(text -> OptionValues.text("--query", text, MAX_QUERY)).orElse(null);
        Integer offset = context.option("offset")
                .map(text -> (int) OptionValues.inRange("--offset", text, 0, Integer.MAX_VALUE)).orElse(null);
        int limit = context.option("limit")
                .map(text -> (int) OptionValues.inRange("--limit", text, 1, Protocol.MAX_PAGE_SIZE)).orElse(DEFAULT_LIMIT);
        String sort = context.option("sort").orElse(null);
        if (sort != null && !AdminMessages.USER_SORTS.contains(sort)) {
            throw new UsageException("--sort must be one of " + String.join(", ", AdminMessages.USER_SORTS));
        }
        return new UserQuery(query, offset, limit, sort, context.flag("descending") ? Boolean.TRUE : null);
    }

    @Override
    void send(UserQuery query, CliSession session, Output output) throws Exception {
        UserPage page = session.await(session.client().admin().users(query));
        List<List<String>> rows = new ArrayList<>(List.of(AdminFields.USER_HEADER));
        page.users().forEach(user -> rows.add(AdminFields.userRow(user)));
        List<String> lines = TextTable.format(rows);
        if (!page.users().isEmpty()) {
            output.text(lines.get(0));
        }
        for (int i = 0; i < page.users().size(); i++) {
            UserEntry user = page.users().get(i);
            output.item(lines.get(i + 1), AdminFields.user(user));
        }
        long first = query.offset() == null ? 0 : query.offset();
        if (page.more()) {
            output.text("accounts " + (first + 1) + " to " + (first + page.users().size()) + " of " + page.total()
                    + "; next: --offset " + (first + page.users().size()));
        } else {
            output.text(AdminFields.count(page.total(), "account"));
        }
    }
}
