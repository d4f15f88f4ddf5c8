package org.confab.cli.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.confab.protocol.messages.AdminMessages.AuditEntry;
import org.confab.protocol.messages.AdminMessages.OnlineSession;
import org.confab.protocol.messages.AdminMessages.StatusReport;
import org.confab.protocol.messages.AdminMessages.UserEntry;

/**
 * How the {@code admin} commands show what the server answers: the JSON fields of {@code --json} (times
 * as ISO-8601 strings in UTC, like {@code sentAt} of messages; optional values left out when absent)
 * and the words of the text mode.
 */
final class AdminFields {
    static final List<String> USER_HEADER = List.of("USERNAME", "DISPLAY NAME", "ROLE", "STATE", "ONLINE", "CREATED");
    static final List<String> SESSION_HEADER = List.of("USERNAME", "ADDRESS", "SINCE", "IDLE", "CLIENT");

    private AdminFields() {
    }

    static Map<String, Object> user(UserEntry user) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("username", user.username());
        fields.put("displayName", user.displayName());
        fields.put("admin", user.admin());
        fields.put("locked", user.locked());
        fields.put("online", user.online());
        fields.put("createdAt", time(user.createdAt()));
        if (user.bannedUntil() != null) {
            fields.put("bannedUntil", time(user.bannedUntil()));
        }
        return fields;
    }

    static List<String> userRow(UserEntry user) {
        return List.of(user.username(), user.displayName(), role(user), state(user), user.online() ? "yes" : "no",
                time(user.createdAt()));
    }

    /** {@code dave (Dave D.), user, locked}. */
    static String userLine(UserEntry user) {
        return user.username() + " (" + user.displayName() + "), " + role(user) + ", " + state(user)
                + (user.online() ? ", online" : "");
    }

    static String role(UserEntry user) {
        return user.admin() ? "administrator" : "user";
    }

    /** {@code active}, {@code locked}, {@code banned until ...} or both. */
    static String state(UserEntry user) {
        String banned = user.bannedUntil() == null ? "" : "banned until " + time(user.bannedUntil());
        if (user.locked()) {
            return banned.isEmpty() ? "locked" : "locked, " + banned;
        }
        return banned.isEmpty() ? "active" : banned;
    }

    static Map<String, Object> session(OnlineSession session) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("sessionId", session.sessionId());
        fields.put("username", session.username());
        fields.put("address", session.address());
        fields.put("since", time(session.loginTime()));
        fields.put("idleSeconds", session.idleSeconds());
        if (session.client() != null) {
            fields.put("client", session.client());
        }
        if (session.node() != null) {
            fields.put("node", session.node());
        }
        return fields;
    }

    static List<String> sessionRow(OnlineSession session) {
        return List.of(session.username(), session.address(), time(session.loginTime()), session.idleSeconds() + " s",
                session.client() == null ? "" : session.client());
    }

    /** An audit entry: who did what to which target, when, from where, and the details. */
    static Map<String, Object> audit(AuditEntry entry) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", entry.id());
        fields.put("when", time(entry.timestamp()));
        fields.put("who", entry.actor());
        fields.put("what", entry.action());
        if (entry.target() != null) {
            fields.put("target", entry.target());
        }
        fields.put("address", entry.address());
        fields.put("details", entry.details());
        return fields;
    }

    /** {@code #12 2025-11-24T09:12:40Z admin kick carol from 192.0.2.7:50412: closed 1 session}. */
    static String auditLine(AuditEntry entry) {
        return "#" + entry.id() + " " + time(entry.timestamp()) + " " + entry.actor() + " " + entry.action()
                + (entry.target() == null ? "" : " " + entry.target()) + " from " + entry.address() + ": "
                + entry.details();
    }

    static Map<String, Object> status(StatusReport status) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("startedAt", time(status.startedAt()));
        fields.put("uptimeSeconds", status.uptimeSeconds());
        fields.put("connections", status.connections());
        fields.put("sessionsOnline", status.sessionsOnline());
        fields.put("usersOnline", status.usersOnline());
        fields.put("accounts", status.accounts());
        fields.put("messagesToday", status.messagesToday());
        fields.put("database", status.database());
        if (status.cluster() != null) {
            fields.put("cluster", ClusterFields.health(status.cluster()));
        }
        return fields;
    }

    static String statusText(StatusReport status) {
        return String.join(System.lineSeparator(),
                "started:          " + time(status.startedAt()) + " (up " + duration(status.uptimeSeconds()) + ")",
                "connections:      " + status.connections(),
                "sessions online:  " + status.sessionsOnline() + " (" + status.usersOnline() + " users)",
                "accounts:         " + status.accounts(),
                "messages today:   " + status.messagesToday(),
                "database:         " + status.database(),
                "cluster:          " + ClusterFields.healthText(status.cluster()));
    }

    /** {@code 3d 4h 5m 6s}, leaving out leading zero units. */
    static String duration(long seconds) {
        long[] amounts = { seconds / 86_400, seconds / 3_600 % 24, seconds / 60 % 60, seconds % 60 };
        String[] units = { "d", "h", "m", "s" };
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < amounts.length; i++) {
            if (amounts[i] > 0 || !text.isEmpty() || i == amounts.length - 1) {
                text.append(text.isEmpty() ? "" : " ").append(amounts[i]).append(units[i]);
            }
        }
        return text.toString();
    }

    static String time(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }

    /** {@code 1 session}, {@code 2 sessions}. */
    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
