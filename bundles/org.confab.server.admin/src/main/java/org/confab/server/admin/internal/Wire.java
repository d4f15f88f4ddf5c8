package org.confab.server.admin.internal;

import java.time.Instant;
import java.util.List;

import org.confab.protocol.messages.AdminMessages;
import org.confab.protocol.messages.AdminMessages.OnlineSession;
import org.confab.protocol.messages.AdminMessages.UserEntry;
import org.confab.protocol.messages.AdminMessages.UserQuery;
import org.confab.server.api.Account;
import org.confab.server.api.AccountOrder;
import org.confab.server.api.AccountOverview;
import org.confab.server.api.AuditEntry;
import org.confab.server.api.ServerStatus;
import org.confab.server.api.SessionInfo;

/** Server records to their wire form: times as epoch milliseconds, absent values omitted. */
final class Wire {
    private Wire() {
    }

    static UserEntry user(AccountOverview overview, Instant now) {
        Account a = overview.account();
        Long bannedUntil = a.bannedAt(now) ? a.bannedUntil().orElseThrow().toEpochMilli() : null;
        return new UserEntry(a.username(), a.displayName(), a.admin(), a.locked(), overview.online(),
                a.createdAt().toEpochMilli(), bannedUntil);
    }

    /** The order a query asks for; the protocol record has already checked the name. */
    static AccountOrder order(UserQuery query) {
        AccountOrder.Field field = switch (query.sort() == null ? "username" : query.sort()) {
            case "displayName" -> AccountOrder.Field.DISPLAY_NAME;
            case "createdAt" -> AccountOrder.Field.CREATED;
            default -> AccountOrder.Field.USERNAME;
        };
        return new AccountOrder(field, Boolean.TRUE.equals(query.descending()));
    }

    static OnlineSession session(SessionInfo s) {
        return new OnlineSession(s.sessionId(), s.username(), s.address(), s.loginTime().toEpochMilli(),
                s.idle().toSeconds(), s.client().orElse(null));
    }

    static AdminMessages.AuditEntry audit(AuditEntry e) {
        return new AdminMessages.AuditEntry(e.id(), e.at().toEpochMilli(), e.actor(), e.action(), e.target().orElse(null),
                e.address(), e.details());
    }

    static AdminMessages.AuditPage auditPage(List<AuditEntry> found, int limit) {
        boolean more = found.size() > limit;
        List<AuditEntry> page = more ? found.subList(0, limit) : found;
        return new AdminMessages.AuditPage(page.stream().map(Wire::audit).toList(), more);
    }

    static AdminMessages.StatusReport status(ServerStatus s) {
        return new AdminMessages.StatusReport(s.startedAt().toEpochMilli(), s.uptime().toSeconds(), s.connections(),
                s.sessionsOnline(), s.usersOnline(), s.accounts(), s.messagesToday(), s.database(),
                // what the load generator divides by sessions; measured when asked, not sampled
                Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory(), Runtime.getRuntime().maxMemory());
    }
}
