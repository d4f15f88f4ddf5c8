package org.confab.protocol.messages;

import java.util.List;

import org.confab.protocol.Protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The bodies of the {@code admin.*} messages, which only sessions of administrators may send. Like
 * {@link Messages}, each request record validates its fields in its constructor; times are
 * milliseconds since the Unix epoch. Section "Administration" of docs/protocol.md describes them.
 */
public final class AdminMessages {
    private static final int MAX_NAME = 64;
    private static final int MAX_PASSWORD = 1024;
    /** Longest kick reason; it is shown to the kicked user in {@code session.closed}. */
    public static final int MAX_REASON = 200;
    /** Longest broadcast notice. */
    public static final int MAX_NOTICE = 2000;
    /** Longest ban: 365 days. */
    public static final int MAX_BAN_MINUTES = 525_600;

    private AdminMessages() {
    }

    /** The orders {@code admin.users} can list accounts in ({@link UserQuery#sort()}). */
    public static final List<String> USER_SORTS = List.of("username", "displayName", "createdAt");

    /**
     * {@code admin.users}: accounts whose username or display name contains {@code query}, ordered by
     * {@code sort} (one of {@link #USER_SORTS}; default {@code username}), ascending unless
     * {@code descending} is true. Ties are broken by username, so paging is stable.
     */
    public record UserQuery(String query, Integer offset, int limit, String sort, Boolean descending) {
        public UserQuery {
            query = Check.optionalText("query", query, MAX_NAME);
            offset = Check.optionalRange("offset", offset, 0, Integer.MAX_VALUE);
            Check.range("limit", limit, 1, Protocol.MAX_PAGE_SIZE);
            if (sort != null && !USER_SORTS.contains(sort)) {
                throw new IllegalArgumentException("'sort' must be one of " + String.join(", ", USER_SORTS));
            }
        }

        /** By username, ascending. */
        public UserQuery(String query, Integer offset, int limit) {
            this(query, offset, limit, null, null);
        }
    }

    /** One account as administrators see it; {@code bannedUntil} only while a ban is in force. */
    public record UserEntry(String username, String displayName, boolean admin, boolean locked, boolean online,
            long createdAt, Long bannedUntil) {
    }

    /** {@code admin.users.ok}: one page, the number of all matching accounts, and whether more follow. */
    public record UserPage(List<UserEntry> users, long total, boolean more) {
    }

    /** {@code admin.user.add}: creates an account; {@code .ok} is its {@link UserEntry}. */
    public record AddUser(String username, String password, String displayName, Boolean admin) {
        public AddUser {
            Check.nonBlank("username", username, MAX_NAME);
            Check.text("password", password, MAX_PASSWORD);
            displayName = Check.optionalText("displayName", displayName, MAX_NAME);
        }
    }

    /**
     * {@code admin.user.update}: changes what is given and leaves the rest; {@code .ok} is the
     * updated {@link UserEntry}. {@code clearBan: true} lifts a ban before it ends.
     */
    public record UpdateUser(String username, String displayName, String password, Boolean admin, Boolean locked,
            Boolean clearBan) {
        public UpdateUser {
            Check.nonBlank("username", username, MAX_NAME);
            displayName = Check.optionalText("displayName", displayName, MAX_NAME);
            password = Check.optionalText("password", password, MAX_PASSWORD);
            if (displayName == null && password == null && admin == null && locked == null
                    && !Boolean.TRUE.equals(clearBan)) {
                throw new IllegalArgumentException(
                        "nothing to change: give at least one of 'displayName', 'password', 'admin', 'locked', 'clearBan'");
            }
        }
    }

    /** {@code admin.user.delete}. */
    public record DeleteUser(String username) {
        public DeleteUser {
            Check.nonBlank("username", username, MAX_NAME);
        }
    }

    /** {@code admin.user.delete.ok}: how many undelivered messages to the account were discarded. */
    public record UserDeleted(String username, int discardedMessages) {
    }

    /**
     * One logged-in session in {@code admin.online.ok}; in a cluster, {@code node} names the node it is
     * on (absent from a single server).
     */
    public record OnlineSession(long sessionId, String username, String address, long loginTime, long idleSeconds,
            String client, String node) {
        @JsonCreator
        public OnlineSession {
            node = ClusterMessages.optionalNodeName("node", node);
        }

        /** A session of a single server, on no named node. */
        public OnlineSession(long sessionId, String username, String address, long loginTime, long idleSeconds,
                String client) {
            this(sessionId, username, address, loginTime, idleSeconds, client, null);
        }

        /** The same session, named as one on {@code node}. */
        public OnlineSession onNode(String node) {
            return new OnlineSession(sessionId, username, address, loginTime, idleSeconds, client, node);
        }
    }

    /**
     * {@code admin.online.ok}: the sessions (in a cluster, of every node that answered in time) and the
     * nodes that did not answer in time, whose sessions are missing (none from a single server; the
     * field is left out when it is empty).
     */
    public record OnlineList(List<OnlineSession> sessions,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> missingNodes) {
        @JsonCreator
        public OnlineList {
            sessions = sessions == null ? List.of() : sessions;
            missingNodes = ClusterMessages.nodeNames("missingNodes", missingNodes);
        }

        /** Every session of a single server. */
        public OnlineList(List<OnlineSession> sessions) {
            this(sessions, List.of());
        }
    }

    /** {@code admin.kick}: closes every session of a user; with {@code banMinutes} refuses logins that long. */
    public record Kick(String username, String reason, Integer banMinutes) {
        public Kick {
            Check.nonBlank("username", username, MAX_NAME);
            reason = Check.optionalText("reason", reason, MAX_REASON);
            banMinutes = Check.optionalRange("banMinutes", banMinutes, 1, MAX_BAN_MINUTES);
        }
    }

    /** {@code admin.kick.ok}. */
    public record KickResult(String username, int sessionsClosed, Long bannedUntil) {
    }

    /** {@code admin.broadcast}: a notice for everyone online. */
    public record Broadcast(String text) {
        public Broadcast {
            Check.nonBlank("text", text, MAX_NOTICE);
        }
    }

    /** {@code admin.broadcast.ok}: how many sessions the notice was sent to. */
    public record BroadcastResult(int recipients) {
    }

    /** {@code admin.notice} push. */
    public record Notice(String from, String text, long timestamp) {
    }

    /** {@code admin.audit}: newest entries first, older than {@code beforeId} when it is set. */
    public record AuditQuery(Long beforeId, int limit) {
        public AuditQuery {
            Check.range("limit", limit, 1, Protocol.MAX_PAGE_SIZE);
        }
    }

    /** One audit log entry: who did what to whom, when, from where. */
    public record AuditEntry(long id, long timestamp, String actor, String action, String target, String address,
            String details) {
    }

    /** {@code admin.audit.ok}. */
    public record AuditPage(List<AuditEntry> entries, boolean more) {
    }

    /**
     * {@code admin.status.ok}; the session and user counts are the answering server's own, and
     * {@code cluster} is present only on a node of a cluster.
     */
    public record StatusReport(long startedAt, long uptimeSeconds, int connections, int sessionsOnline,
            int usersOnline, long accounts, long messagesToday, String database, long heapUsedBytes,
            long heapMaxBytes, ClusterMessages.ClusterHealth cluster) {
        @JsonCreator
        public StatusReport {
        }

        /** The status of a single server. */
        public StatusReport(long startedAt, long uptimeSeconds, int connections, int sessionsOnline, int usersOnline,
                long accounts, long messagesToday, String database, long heapUsedBytes, long heapMaxBytes) {
            this(startedAt, uptimeSeconds, connections, sessionsOnline, usersOnline, accounts, messagesToday, database,
                    heapUsedBytes, heapMaxBytes, null);
        }

        /** The same report with the cluster's health added. */
        public StatusReport withCluster(ClusterMessages.ClusterHealth health) {
            return new StatusReport(startedAt, uptimeSeconds, connections, sessionsOnline, usersOnline, accounts,
                    messagesToday, database, heapUsedBytes, heapMaxBytes, health);
        }
    }
}
