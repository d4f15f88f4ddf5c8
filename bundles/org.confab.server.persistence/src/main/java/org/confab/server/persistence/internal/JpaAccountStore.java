package org.confab.server.persistence.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.LockModeType;

import org.confab.server.api.Account;
import org.confab.server.api.AccountOrder;
import org.confab.server.api.StorageException;
import org.confab.server.spi.AccountCache;
import org.confab.server.spi.AccountChangeListener;
import org.confab.server.spi.AccountStore;
import org.confab.server.spi.AccountUpdate;
import org.confab.server.spi.LastAdministratorException;
import org.confab.server.spi.NewAccount;
import org.confab.server.spi.StoredCredentials;
import org.confab.server.spi.UsernameTakenException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * {@link AccountStore} on the {@code confab} persistence unit. Changes that could take away the
 * last active administrator lock every administrator row first, so two such changes running at the
 * same time (on this or another server node) cannot each leave the other's target as the last one.
 */
@Component(service = { AccountStore.class, AccountCache.class })
public class JpaAccountStore implements AccountStore, AccountCache {

    /** Thrown inside a transaction to roll it back; turned into the checked exception outside. */
    private static final class LastAdministrator extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    private final Transactions transactions;
    private final Clock clock = Clock.systemUTC();

    private static final int MAX_CACHED_ACCOUNTS = 200_000;

    /** What one read of an account row gives: the account and its login verifiers (empty if there is none). */
    private record Row(Optional<Account> account, Optional<StoredCredentials> credentials) {
    }

    private final ConcurrentMap<String, Row> accounts = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    /** Other nodes' caches learn of this node's writes through these (a cluster bundle); none on a single node. */
    private final List<AccountChangeListener> changeListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Activate
    public JpaAccountStore(@Reference(target = "(osgi.unit.name=confab)") EntityManagerFactory factory) {
        this.transactions = new Transactions(factory);
    }

    @Override
    public Optional<Account> find(String username) {
        return row(username).account();
    }

    @Override
    public Optional<StoredCredentials> credentials(String username) {
        return row(username).credentials();
    }

    /**
     * Every chat.send checks its recipient and every login reads the credentials and then the account
     * twice: served from memory unless an account changed (the verifiers are no more exposed there
     * than in the login that reads them anyway). Only this store writes accounts (in a cluster, the
     * other nodes' stores tell this one through {@link #forget}); a write bumps the generation after
     * its commit and then forgets the name, and a read that raced with a write forgets what it cached.
     */
    private Row row(String username) {
        Row cached = accounts.get(username);
        if (cached != null) {
            return cached;
        }
        long seen = generation.get();
        Row read = transactions.inTransaction("read an account", em -> entity(em, username)
                .map(entity -> new Row(Optional.of(entity.toAccount()), Optional.of(entity.toCredentials())))
                .orElseGet(() -> new Row(Optional.empty(), Optional.empty())));
        if (accounts.size() >= MAX_CACHED_ACCOUNTS) {
            accounts.clear();
        }
        accounts.put(username, read);
        if (generation.get() != seen) {
            accounts.remove(username);
        }
        return read;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addChangeListener(AccountChangeListener listener) {
        changeListeners.add(listener);
    }

    void removeChangeListener(AccountChangeListener listener) {
        changeListeners.remove(listener);
    }

    /** After a write to {@code username}'s row committed (or failed). */
    private void changed(String username) {
        forget(username);
        changeListeners.forEach(listener -> listener.accountChanged(username));
    }

    @Override
    public void forgetAll() {
        generation.incrementAndGet();
        accounts.clear();
    }

    /** Another node wrote the row: the same as a write here, without telling anybody. */
    @Override
    public void forget(String username) {
        generation.incrementAndGet();
        accounts.remove(username);
    }

    @Override
    public Account create(NewAccount account) throws UsernameTakenException {
        try {
            return createUncached(account);
        } finally {
            changed(account.username());
        }
    }

    private Account createUncached(NewAccount account) throws UsernameTakenException {
        Account created;
        try {
            created = transactions.inDurableTransaction("create an account", em -> {
                if (usernameUsed(em, account.username())) {
                    return null;
                }
                AccountEntity entity = new AccountEntity(account, clock.instant());
                em.persist(entity);
                em.flush();
                return entity.toAccount();
            });
        } catch (StorageException e) {
            // lost a race against a concurrent registration of the same name: the unique key refused it
            if (transactions.inTransaction("check a username", em -> usernameUsed(em, account.username()))) {
                throw new UsernameTakenException(account.username());
            }
            throw e;
        }
        if (created == null) {
            throw new UsernameTakenException(account.username());
        }
        return created;
    }

    @Override
    public List<Account> list(int offset, int limit) {
        return transactions.inTransaction("list accounts", em -> em
                .createNamedQuery("Account.list", AccountEntity.class)
                .setFirstResult(offset).setMaxResults(limit)
                .getResultList().stream().map(AccountEntity::toAccount).toList());
    }

    @Override
    public long count() {
        return transactions.inTransaction("count accounts",
                em -> em.createNamedQuery("Account.count", Long.class).getSingleResult());
    }

    @Override
    public boolean anyAdmin() {
        return transactions.inTransaction("count administrators",
                em -> em.createNamedQuery("Account.admins", Long.class).getSingleResult() > 0);
    }

    @Override
    public List<Account> search(String fragment, AccountOrder order, int offset, int limit) {
        return transactions.inTransaction("search accounts", em -> em
                .createQuery(AccountEntity.SEARCH + orderBy(order), AccountEntity.class)
                .setParameter("pattern", LikePatterns.containing(fragment))
                .setFirstResult(offset).setMaxResults(limit)
                .getResultList().stream().map(AccountEntity::toAccount).toList());
    }

    /** A fixed clause per field, never text from a request; username breaks ties so pages are stable. */
    private static String orderBy(AccountOrder order) {
        String direction = order.descending() ? " DESC" : " ASC";
        return switch (order.field()) {
            case USERNAME -> " ORDER BY a.username" + direction;
            case DISPLAY_NAME -> " ORDER BY LOWER(a.displayName)" + direction + ", a.username" + direction;
            case CREATED -> " ORDER BY a.createdAt" + direction + ", a.username" + direction;
        };
    }

    @Override
    public long countMatching(String fragment) {
        return transactions.inTransaction("count accounts", em -> em
                .createNamedQuery("Account.countMatching", Long.class)
                .setParameter("pattern", LikePatterns.containing(fragment)).getSingleResult());
    }

    @Override
    public Optional<Account> update(String username, AccountUpdate update) throws LastAdministratorException {
        try {
            return updateUncached(username, update);
        } finally {
            changed(username);
        }
    }

    private Optional<Account> updateUncached(String username, AccountUpdate update) throws LastAdministratorException {
        try {
            return transactions.inDurableTransaction("update an account", em -> {
                Instant now = clock.instant();
                List<AccountEntity> admins = lockAdministrators(em);
                Optional<AccountEntity> entity = entity(em, username);
                entity.ifPresent(account -> {
                    boolean wasActive = account.toAccount().activeAdminAt(now);
                    account.apply(update);
                    if (wasActive && noActiveAdministrator(admins, now)) {
                        throw new LastAdministrator();
                    }
                });
                return entity.map(AccountEntity::toAccount);
            });
        } catch (LastAdministrator e) {
            throw new LastAdministratorException(username);
        }
    }

    @Override
    public Optional<Account> delete(String username) throws LastAdministratorException {
        try {
            return deleteUncached(username);
        } finally {
            changed(username);
        }
    }

    private Optional<Account> deleteUncached(String username) throws LastAdministratorException {
        try {
            return transactions.inDurableTransaction("delete an account", em -> {
                Instant now = clock.instant();
                List<AccountEntity> admins = lockAdministrators(em);
                Optional<AccountEntity> entity = entity(em, username);
                return entity.map(account -> {
                    Account before = account.toAccount();
                    account.markDeleted(now);
                    if (before.activeAdminAt(now)
                            && noActiveAdministrator(admins.stream().filter(a -> a != account).toList(), now)) {
                        throw new LastAdministrator();
                    }
                    return before;
                });
            });
        } catch (LastAdministrator e) {
            throw new LastAdministratorException(username);
        }
    }

    /**
     * Locks the rows of all administrators (SELECT ... FOR UPDATE) until the transaction ends. The
     * entities returned are the managed instances, so changes made to them are seen by the check.
     */
    private static List<AccountEntity> lockAdministrators(EntityManager em) {
        return em.createNamedQuery("Account.adminEntities", AccountEntity.class)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    private static boolean noActiveAdministrator(List<AccountEntity> admins, Instant now) {
        return admins.stream().noneMatch(a -> a.toAccount().activeAdminAt(now));
    }

    private static Optional<AccountEntity> entity(EntityManager em, String username) {
        return em.createNamedQuery("Account.byUsername", AccountEntity.class)
                .setParameter("username", username).getResultList().stream().findFirst();
    }

    private static boolean usernameUsed(EntityManager em, String username) {
        return em.createNamedQuery("Account.usernameUsed", Long.class).setParameter("username", username)
                .getSingleResult() > 0;
    }
}
