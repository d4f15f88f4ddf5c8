package org.confab.server.admin.internal;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.confab.protocol.ErrorCode;
import org.confab.protocol.ProtocolException;
import org.confab.protocol.messages.AdminMessages;
import org.confab.server.api.Account;
import org.confab.server.api.AccountChanges;
import org.confab.server.api.AccountOrder;
import org.confab.server.api.AccountOverview;
import org.confab.server.api.AccountPage;
import org.confab.server.api.AdminActor;
import org.confab.server.api.AdminService;
import org.confab.server.api.AuditEntry;
import org.confab.server.api.DeletionOutcome;
import org.confab.server.api.KickOutcome;
import org.confab.server.api.ServerStatus;
import org.confab.server.api.SessionInfo;
import org.confab.server.api.StorageException;
import org.confab.server.spi.AccountDeletionListener;
import org.confab.server.spi.AccountService;
import org.confab.server.spi.AccountStore;
import org.confab.server.spi.AccountUpdate;
import org.confab.server.spi.AuditLog;
import org.confab.server.spi.DatabaseInfo;
import org.confab.server.spi.LastAdministratorException;
import org.confab.server.spi.MessageStore;
import org.confab.server.spi.SessionRegistry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules of administration: who may (checked against the database on every call, so a demoted
 * or locked administrator loses the rights at once), what is refused (the last active administrator
 * is kept), what follows from a change (sessions closed, presence pushed), and the audit trail.
 */
@Component(service = AdminService.class)
public class DefaultAdminService implements AdminService {

    /** Largest page the console or a handler may ask for. */
    static final int MAX_PAGE = 1000;
    static final String KICKED = "KICKED";

    private static final Logger LOG = LoggerFactory.getLogger(DefaultAdminService.class);

    private final AccountService accounts;
    private final AccountStore store;
    private final MessageStore messages;
    private final SessionRegistry registry;
    private final AuditLog auditLog;
    private final DatabaseInfo database;
    private final LiveSessions live;
    private final AuditTrail trail;
    private final Clock clock = Clock.systemUTC();
    private final List<AccountDeletionListener> deletionListeners = new CopyOnWriteArrayList<>();

    @Activate
    public DefaultAdminService(@Reference AccountService accounts, @Reference AccountStore store,
            @Reference MessageStore messages, @Reference SessionRegistry registry, @Reference AuditLog auditLog,
            @Reference DatabaseInfo database) {
        this.accounts = accounts;
        this.store = store;
        this.messages = messages;
        this.registry = registry;
        this.auditLog = auditLog;
        this.database = database;
        this.live = new LiveSessions(registry, () -> java.util.Optional.ofNullable(cluster));
        this.trail = new AuditTrail(auditLog, clock);
    }

    /** Set when this node is part of a cluster: kicks, locks and deletions reach the user's sessions there too. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY)
    private volatile org.confab.server.spi.ClusterAdministration cluster;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addDeletionListener(AccountDeletionListener listener) {
        deletionListeners.add(listener);
    }

    void removeDeletionListener(AccountDeletionListener listener) {
        deletionListeners.remove(listener);
    }

    @Override
    public void authorize(AdminActor actor) throws ProtocolException {
        if (actor.isConsole()) {
            return;
        }
        boolean allowed = actor.sessionAdmin()
                && accounts.find(actor.name()).filter(a -> a.activeAdminAt(clock.instant())).isPresent();
        if (!allowed) {
            LOG.warn("refused an administrative request by '{}' from {}", actor.name(), actor.address());
            throw new ProtocolException(ErrorCode.NOT_ALLOWED, "only administrators may do this");
        }
    }

    @Override
    public AccountPage users(AdminActor actor, String query, AccountOrder order, int offset, int limit)
            throws ProtocolException {
        authorize(actor);
        Checks.range("offset", offset, 0, Integer.MAX_VALUE);
        Checks.range("limit", limit, 1, MAX_PAGE);
        String fragment = query == null ? "" : query.strip();
        Set<String> online = new HashSet<>(registry.onlineUsers());
        List<AccountOverview> page = store.search(fragment, order, offset, limit).stream()
                .map(a -> new AccountOverview(a, online.contains(a.username()))).toList();
        return new AccountPage(page, store.countMatching(fragment));
    }

    @Override
    public AccountOverview addUser(AdminActor actor, String username, String password, String displayName,
            boolean admin) throws ProtocolException {
        authorize(actor);
        Account created = accounts.create(username, password, displayName, admin);
        // everybody logged in sees the new contact at once, as after a registration
        live.presenceChanged(created.username(), created.displayName(), false);
        trail.record(actor, "user.add", created.username(),
                "admin=" + admin + ", displayName=" + AuditTrail.quote(created.displayName()));
        return new AccountOverview(created, false);
    }

    @Override
    public AccountOverview updateUser(AdminActor actor, String username, AccountChanges changes)
            throws ProtocolException {
        authorize(actor);
        if (changes.isEmpty()) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "nothing to change");
        }
        Account before = existing(username);
        AccountUpdate update = toUpdate(before, changes);
        Account after = guarded(() -> store.update(before.username(), update)).orElseThrow(() -> noSuchUser(username));
        int closed = after.locked() && !before.locked()
                ? live.close(after.username(), KICKED, "your account was locked by an administrator") : 0;
        boolean online = !registry.sessionsOf(after.username()).isEmpty();
        if (!after.displayName().equals(before.displayName())) {
            live.presenceChanged(after.username(), after.displayName(), online);
        }
        trail.record(actor, "user.update", after.username(),
                AuditTrail.changes(before, after, changes.password().isPresent(), changes.liftBan(), closed));
        return new AccountOverview(after, online);
    }

    @Override
    public DeletionOutcome deleteUser(AdminActor actor, String username) throws ProtocolException {
        authorize(actor);
        String name = accounts.canonical(username);
        Account deleted = guarded(() -> store.delete(name)).orElseThrow(() -> noSuchUser(username));
        int closed = live.close(deleted.username(), KICKED, "your account was deleted by an administrator");
        int discarded;
        try {
            discarded = messages.discardUndelivered(deleted.username());
        } catch (StorageException e) {
            trail.record(actor, "user.delete", deleted.username(),
                    "closed " + Words.count(closed, "session") + "; discarding undelivered messages failed: "
                            + e.getMessage());
            throw e;
        }
        StringBuilder removed = new StringBuilder();
        for (AccountDeletionListener listener : deletionListeners) {
            try {
                removed.append(", deleted ").append(listener.accountDeleted(deleted.username()));
            } catch (RuntimeException e) {
                // the account is gone either way; what is left over is reported, and an expiry removes it later
                LOG.error("{} failed after deleting account '{}'", listener, deleted.username(), e);
                removed.append(", ").append(listener.getClass().getSimpleName()).append(" failed: ").append(e.getMessage());
            }
        }
        trail.record(actor, "user.delete", deleted.username(),
                "closed " + Words.count(closed, "session") + ", discarded "
                        + Words.count(discarded, "undelivered message") + removed);
        return new DeletionOutcome(deleted.username(), discarded, closed);
    }

    @Override
    public List<SessionInfo> online(AdminActor actor) throws ProtocolException {
        authorize(actor);
        Instant now = clock.instant();
        return live.loggedIn().stream()
                .map(s -> new SessionInfo(s.id(), s.username().orElseThrow(), AdminActor.format(s.remoteAddress()),
                        s.loggedInAt().orElse(s.connectedAt()), positive(Duration.between(s.lastActivity(), now)),
                        s.clientName()))
                .sorted(Comparator.comparing(SessionInfo::username).thenComparing(SessionInfo::loginTime))
                .toList();
    }

    @Override
    public KickOutcome kick(AdminActor actor, String username, Optional<String> reason, Optional<Duration> ban)
            throws ProtocolException {
        authorize(actor);
        String why = reason.map(String::strip).filter(r -> !r.isEmpty()).orElse("disconnected by an administrator");
        Checks.length("reason", why, AdminMessages.MAX_REASON);
        Account target = existing(username);
        Optional<Instant> until = Optional.empty();
        if (ban.isPresent()) {
            Checks.range("ban minutes", ban.get().toMinutes(), 1, AdminMessages.MAX_BAN_MINUTES);
            Instant end = clock.instant().plus(ban.get());
            guarded(() -> store.update(target.username(), AccountUpdate.none().withBannedUntil(end)))
                    .orElseThrow(() -> noSuchUser(username));
            until = Optional.of(end);
        }
        String shown = until.map(end -> why + " (banned until " + AuditTrail.time(end) + ")").orElse(why);
        int closed = live.close(target.username(), KICKED, shown);
        trail.record(actor, "kick", target.username(), "closed " + Words.count(closed, "session") + ", reason "
                + AuditTrail.quote(why) + until.map(end -> ", banned until " + AuditTrail.time(end)).orElse(""));
        return new KickOutcome(target.username(), closed, until);
    }

    @Override
    public int broadcast(AdminActor actor, String text) throws ProtocolException {
        authorize(actor);
        if (text == null || text.isBlank()) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "the notice must not be empty");
        }
        Checks.length("text", text, AdminMessages.MAX_NOTICE);
        int recipients = live.broadcast(new AdminMessages.Notice(actor.name(), text, clock.millis()));
        trail.record(actor, "broadcast", null,
                "sent to " + Words.count(recipients, "session") + ": " + AuditTrail.quote(text));
        return recipients;
    }

    @Override
    public List<AuditEntry> audit(AdminActor actor, Optional<Long> beforeId, int limit) throws ProtocolException {
        authorize(actor);
        Checks.range("limit", limit, 1, MAX_PAGE + 1);
        return auditLog.newest(beforeId, limit);
    }

    @Override
    public ServerStatus status(AdminActor actor) throws ProtocolException {
        authorize(actor);
        Instant now = clock.instant();
        Instant started = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
        Instant midnight = LocalDate.now(ZoneId.systemDefault()).atStartOfDay(ZoneId.systemDefault()).toInstant();
        List<String> users = registry.onlineUsers();
        return new ServerStatus(started, positive(Duration.between(started, now)), registry.all().size(),
                live.loggedIn().size(), users.size(), store.count(), messages.countSince(midnight), database.product());
    }

    /** Validates the changes with the account rules; a new password becomes a new verifier. */
    private AccountUpdate toUpdate(Account account, AccountChanges changes) throws ProtocolException {
        AccountUpdate update = AccountUpdate.none();
        if (changes.displayName().isPresent()) {
            update = update.withDisplayName(accounts.validDisplayName(changes.displayName().get(), account.username()));
        }
        if (changes.password().isPresent()) {
            update = update.withCredentials(accounts.deriveCredentials(account.username(), changes.password().get()));
        }
        if (changes.admin().isPresent()) {
            update = update.withAdmin(changes.admin().get());
        }
        if (changes.locked().isPresent()) {
            update = update.withLocked(changes.locked().get());
        }
        return changes.liftBan() ? update.withBanLifted() : update;
    }

    private Account existing(String username) throws ProtocolException {
        return accounts.find(username).orElseThrow(() -> noSuchUser(username));
    }

    private static ProtocolException noSuchUser(String username) {
        return new ProtocolException(ErrorCode.NO_SUCH_USER, "there is no user '" + username.strip() + "'");
    }

    private interface StoreChange<T> {
        T run() throws LastAdministratorException;
    }

    /** Runs a store change that must leave an active administrator; refusing it is NOT_ALLOWED. */
    private static <T> T guarded(StoreChange<T> change) throws ProtocolException {
        try {
            return change.run();
        } catch (LastAdministratorException e) {
            throw new ProtocolException(ErrorCode.NOT_ALLOWED, e.getMessage());
        }
    }

    private static Duration positive(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }
}
