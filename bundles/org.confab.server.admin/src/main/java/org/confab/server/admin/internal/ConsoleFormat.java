package org.confab.server.admin.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.confab.server.api.Account;
import org.confab.server.api.AccountPage;
import org.confab.server.api.AuditEntry;
import org.confab.server.api.ServerStatus;
import org.confab.server.api.SessionInfo;

/** How the console commands show their results. Times are UTC, to the second. */
final class ConsoleFormat {
    private ConsoleFormat() {
    }

    static String users(AccountPage page, Instant now) {
        TextTable table = new TextTable("USERNAME", "DISPLAY NAME", "ROLE", "STATE", "ONLINE", "CREATED");
        page.accounts().forEach(o -> table.row(o.account().username(), o.account().displayName(),
                o.account().admin() ? "admin" : "user", state(o.account(), now), o.online() ? "yes" : "no",
                time(o.account().createdAt())));
        return table + (table.size() < page.total() ? "showing " + table.size() + " of " : "")
                + Words.count(page.total(), "account");
    }

    static String state(Account account, Instant now) {
        if (account.locked()) {
            return "locked";
        }
        return account.bannedAt(now) ? "banned until " + time(account.bannedUntil().orElseThrow()) : "active";
    }

    static String online(List<SessionInfo> sessions) {
        TextTable table = new TextTable("SESSION", "USERNAME", "ADDRESS", "LOGGED IN", "IDLE", "CLIENT");
        sessions.forEach(s -> table.row("#" + s.sessionId(), s.username(), s.address(), time(s.loginTime()),
                duration(s.idle()), s.client().orElse("")));
        return table + Words.count(sessions.size(), "session");
    }

    static String audit(List<AuditEntry> entries) {
        TextTable table = new TextTable("ID", "TIME", "ACTOR", "ADDRESS", "ACTION", "TARGET", "DETAILS");
        entries.forEach(e -> table.row(e.id(), time(e.at()), e.actor(), e.address(), e.action(), e.target().orElse("-"),
                e.details()));
        return table + Words.count(entries.size(), "entry") + ", newest first";
    }

    static String status(ServerStatus s) {
        TextTable table = new TextTable("started", time(s.startedAt()) + " (up " + duration(s.uptime()) + ")");
        table.row("connections", s.connections());
        table.row("sessions online", s.sessionsOnline() + " (" + s.usersOnline() + " users)");
        table.row("accounts", s.accounts());
        table.row("messages today", s.messagesToday());
        table.row("database", s.database());
        return table.toString().stripTrailing();
    }

    static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** {@code 42s}, {@code 3m 07s}, {@code 5h 02m}, {@code 2d 04h}. */
    static String duration(Duration d) {
        long s = d.toSeconds();
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format("%dm %02ds", s / 60, s % 60);
        }
        if (s < 86_400) {
            return String.format("%dh %02dm", s / 3600, s % 3600 / 60);
        }
        return String.format("%dd %02dh", s / 86_400, s % 86_400 / 3600);
    }
}
