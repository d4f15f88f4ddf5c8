package org.confab.cli.internal;

import java.util.Set;

import org.confab.protocol.Protocol;
import org.confab.protocol.messages.AdminMessages.AuditEntry;
import org.confab.protocol.messages.AdminMessages.AuditPage;
import org.confab.protocol.messages.AdminMessages.AuditQuery;

/** {@code admin audit [--limit N] [--before ID]}: the audit log, newest first. */
final class AdminAuditCommand extends AdminCommand<AuditQuery> {
    static final int DEFAULT_LIMIT = 20;

    AdminAuditCommand() {
        super("audit");
    }

    @Override
    public String synopsis() {
        return "[--limit N] [--before ID]";
    }

    @Override
    public String description() {
        return "who changed what, newest first (default: last " + DEFAULT_LIMIT + ")";
    }

    @Override
    public Set<String> options() {
        return Set.of("limit", "before");
    }

    @Override
    AuditQuery request(CommandContext context) {
        context.operands(0, 0, "no arguments besides --limit and --before");
        Long before = context.option("before").map(text -> OptionValues.inRange("--before", text, 1, Long.MAX_VALUE))
                .orElse(null);
        int limit = context.option("limit")
                .map(text -> (int) OptionValues.inRange("--limit", text, 1, Protocol.MAX_PAGE_SIZE)).orElse(DEFAULT_LIMIT);
        return new AuditQuery(before, limit);
    }

    @Override
    void send(AuditQuery query, CliSession session, Output output) throws Exception {
        AuditPage page = session.await(session.client().admin().audit(query));
        for (AuditEntry entry : page.entries()) {
            output.item(AdminFields.auditLine(entry), AdminFields.audit(entry));
        }
        if (page.more() && !page.entries().isEmpty()) {
            output.text("older entries: --before " + page.entries().get(page.entries().size() - 1).id());
        }
    }
}
