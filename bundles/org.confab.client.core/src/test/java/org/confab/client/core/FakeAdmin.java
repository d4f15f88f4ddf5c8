package org.confab.client.core;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.confab.protocol.ErrorCode;
import org.confab.protocol.Frame;
import org.confab.protocol.ProtocolException;
import org.confab.protocol.messages.AdminMessages.AddUser;
import org.confab.protocol.messages.AdminMessages.AuditEntry;
import org.confab.protocol.messages.AdminMessages.AuditPage;
import org.confab.protocol.messages.AdminMessages.AuditQuery;
import org.confab.protocol.messages.AdminMessages.Broadcast;
import org.confab.protocol.messages.AdminMessages.BroadcastResult;
import org.confab.protocol.messages.AdminMessages.DeleteUser;
import org.confab.protocol.messages.AdminMessages.Kick;
import org.confab.protocol.messages.AdminMessages.KickResult;
import org.confab.protocol.messages.AdminMessages.Notice;
import org.confab.protocol.messages.AdminMessages.OnlineList;
import org.confab.protocol.messages.AdminMessages.StatusReport;
import org.confab.protocol.messages.AdminMessages.UpdateUser;
import org.confab.protocol.messages.AdminMessages.UserDeleted;
import org.confab.protocol.messages.AdminMessages.UserEntry;
import org.confab.protocol.messages.AdminMessages.UserPage;
import org.confab.protocol.messages.AdminMessages.UserQuery;
import org.confab.protocol.messages.MessageTypes;

/**
 * The {@code admin.*} part of the {@link FakeServer}: just enough of section 16 of docs/protocol.md for
 * client tests. Only users in {@link FakeServer#admins} may use it; everybody else gets
 * {@code NOT_ALLOWED} before the body is read, as from the real server. Changes are written to a small
 * audit log.
 */
final class FakeAdmin {
    static final long CREATED_AT = 1_700_000_000_000L;

    private final FakeServer server;
    private final Set<String> locked = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> bannedUntil = new ConcurrentHashMap<>();
    private final List<AuditEntry> audit = new CopyOnWriteArrayList<>();
    private final AtomicLong auditIds = new AtomicLong();

    FakeAdmin(FakeServer server) {
        this.server = server;
    }

    void handle(FakeSession session, Frame request) throws IOException, ProtocolException {
        if (session.user() == null || !server.admins.contains(session.user())) {
            session.error(request, ErrorCode.NOT_ALLOWED, "only administrators may do this");
            return;
        }
        switch (request.type()) {
            case MessageTypes.ADMIN_USERS -> session.answer(request, users(read(request, UserQuery.class)));
            case MessageTypes.ADMIN_USER_ADD -> addUser(session, request, read(request, AddUser.class));
            case MessageTypes.ADMIN_USER_UPDATE -> updateUser(session, request, read(request, UpdateUser.class));
            case MessageTypes.ADMIN_USER_DELETE -> deleteUser(session, request, read(request, DeleteUser.class));
            case MessageTypes.ADMIN_ONLINE -> session.answer(request, new OnlineList(server.loggedInSessions().stream()
                    .map(FakeSession::describe).toList()));
            case MessageTypes.ADMIN_KICK -> kick(session, request, read(request, Kick.class));
            case MessageTypes.ADMIN_BROADCAST -> broadcast(session, request, read(request, Broadcast.class));
            case MessageTypes.ADMIN_AUDIT -> {
                AuditQuery query = read(request, AuditQuery.class);
                List<AuditEntry> older = audit.reversed().stream()
                        .filter(entry -> query.beforeId() == null || entry.id() < query.beforeId()).toList();
                session.answer(request, new AuditPage(older.stream().limit(query.limit()).toList(),
                        older.size() > query.limit()));
            }
            case MessageTypes.ADMIN_STATUS -> session.answer(request, new StatusReport(CREATED_AT, 42,
                    server.loggedInSessions().size(), server.loggedInSessions().size(), 1, server.users.size(), 7,
                    "Fake DB 1.0", 1_000_000L, 2_000_000L));
            default -> session.error(request, ErrorCode.UNKNOWN_TYPE, request.type());
        }
    }

    private <T> T read(Frame request, Class<T> type) throws ProtocolException {
        return server.codec.read(request, type);
    }

    private UserPage users(UserQuery query) {
        String text = query.query() == null ? "" : query.query().toLowerCase(Locale.ROOT);
        List<UserEntry> matching = server.users.values().stream()
                .filter(user -> user.name().contains(text) || user.displayName().toLowerCase(Locale.ROOT).contains(text))
                .sorted(Comparator.comparing(FakeServer.User::name)).map(this::entry).toList();
        int offset = query.offset() == null ? 0 : query.offset();
        List<UserEntry> page = matching.stream().skip(offset).limit(query.limit()).toList();
        return new UserPage(page, matching.size(), offset + page.size() < matching.size());
    }

    private UserEntry entry(FakeServer.User user) {
        return new UserEntry(user.name(), user.displayName(), server.admins.contains(user.name()),
                locked.contains(user.name()), server.isOnline(user.name()), CREATED_AT, bannedUntil.get(user.name()));
    }

    private void addUser(FakeSession session, Frame request, AddUser add) throws IOException {
        String name = add.username().toLowerCase(Locale.ROOT);
        if (server.users.containsKey(name)) {
            session.error(request, ErrorCode.USERNAME_TAKEN, "the username '" + name + "' is taken");
        } else if (add.password().length() < 8) {
            session.error(request, ErrorCode.WEAK_PASSWORD, "password must be at least 8 characters long");
        } else {
            server.addUser(name, add.password(), add.displayName() == null ? name : add.displayName());
            if (Boolean.TRUE.equals(add.admin())) {
                server.admins.add(name);
            }
            audit(session, "user.add", name, "created");
            session.answer(request, entry(server.users.get(name)));
        }
    }

    private void updateUser(FakeSession session, Frame request, UpdateUser update) throws IOException {
        FakeServer.User user = server.users.get(update.username().toLowerCase(Locale.ROOT));
        if (user == null) {
            session.error(request, ErrorCode.NO_SUCH_USER, "there is no user '" + update.username() + "'");
            return;
        }
        if (update.displayName() != null) {
            user = new FakeServer.User(user.name(), update.displayName(), user.credentials());
            server.users.put(user.name(), user);
        }
        if (update.admin() != null) {
            if (update.admin()) {
                server.admins.add(user.name());
            } else {
                server.admins.remove(user.name());
            }
        }
        if (Boolean.TRUE.equals(update.locked())) {
            locked.add(user.name());
            endSessions(user.name(), "your account was locked by an administrator");
        } else if (Boolean.FALSE.equals(update.locked())) {
            locked.remove(user.name());
        }
        if (Boolean.TRUE.equals(update.clearBan())) {
            bannedUntil.remove(user.name());
        }
        audit(session, "user.update", user.name(), "changed");
        session.answer(request, entry(user));
    }

    private void deleteUser(FakeSession session, Frame request, DeleteUser delete) throws IOException {
        String name = delete.username().toLowerCase(Locale.ROOT);
        if (server.users.remove(name) == null) {
            session.error(request, ErrorCode.NO_SUCH_USER, "there is no user '" + delete.username() + "'");
            return;
        }
        endSessions(name, "your account was deleted");
        audit(session, "user.delete", name, "deleted");
        session.answer(request, new UserDeleted(name, 3));
    }

    private void kick(FakeSession session, Frame request, Kick kick) throws IOException {
        String name = kick.username().toLowerCase(Locale.ROOT);
        if (!server.users.containsKey(name)) {
            session.error(request, ErrorCode.NO_SUCH_USER, "there is no user '" + kick.username() + "'");
            return;
        }
        Long until = kick.banMinutes() == null ? null : System.currentTimeMillis() + kick.banMinutes() * 60_000L;
        if (until != null) {
            bannedUntil.put(name, until);
        }
        String reason = kick.reason() == null ? "disconnected by an administrator" : kick.reason();
        int closed = endSessions(name, until == null ? reason : reason + " (banned)");
        audit(session, "kick", name, "reason '" + reason + "'");
        session.answer(request, new KickResult(name, closed, until));
    }

    private void broadcast(FakeSession session, Frame request, Broadcast broadcast) throws IOException {
        Notice notice = new Notice(session.user(), broadcast.text(), System.currentTimeMillis());
        List<FakeSession> recipients = server.loggedInSessions();
        for (FakeSession recipient : recipients) {
            recipient.push(MessageTypes.ADMIN_NOTICE, notice);
        }
        audit(session, "broadcast", null, "'" + broadcast.text() + "'");
        session.answer(request, new BroadcastResult(recipients.size()));
    }

    private int endSessions(String user, String reason) throws IOException {
        int closed = 0;
        for (FakeSession session : server.loggedInSessions()) {
            if (user.equals(session.user())) {
                session.end("KICKED", reason);
                closed++;
            }
        }
        return closed;
    }

    private void audit(FakeSession session, String action, String target, String details) {
        audit.add(new AuditEntry(auditIds.incrementAndGet(), System.currentTimeMillis(), session.user(), action, target,
                session.describe().address(), details));
    }
}
