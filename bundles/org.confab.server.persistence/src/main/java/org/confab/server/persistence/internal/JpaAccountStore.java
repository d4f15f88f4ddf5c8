package org.confab.server.persistence.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.confab.server.api.Account;
import org.confab.server.api.AccountStore;
import org.confab.server.api.NewAccount;
import org.confab.server.api.StorageException;
import org.confab.server.api.StoredCredentials;
import org.confab.server.api.UsernameTakenException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@link AccountStore} on the {@code confab} persistence unit. */
@Component(service = AccountStore.class)
public class JpaAccountStore implements AccountStore {

    private final Transactions transactions;
    private final Clock clock = Clock.systemUTC();

    @Activate
    public JpaAccountStore(@Reference(target = "(osgi.unit.name=confab)") EntityManagerFactory factory) {
        this.transactions = new Transactions(factory);
    }

    @Override
    public Optional<Account> find(String username) {
        return transactions.inTransaction("find an account", em -> entity(em, username).map(AccountEntity::toAccount));
    }

    @Override
    public Optional<StoredCredentials> credentials(String username) {
        return transactions.inTransaction("read credentials",
                em -> entity(em, username).map(AccountEntity::toCredentials));
    }

    @Override
    public Account create(NewAccount account) throws UsernameTakenException {
        Account created;
        try {
            created = transactions.inTransaction("create an account", em -> {
                if (entity(em, account.username()).isPresent()) {
                    return null;
                }
                AccountEntity entity = new AccountEntity(account, clock.instant());
                em.persist(entity);
                em.flush();
                return entity.toAccount();
            });
        } catch (StorageException e) {
            // lost a race against a concurrent registration of the same name: the unique key refused it
            if (find(account.username()).isPresent()) {
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

    private static Optional<AccountEntity> entity(EntityManager em, String username) {
        return em.createNamedQuery("Account.byUsername", AccountEntity.class)
                .setParameter("username", username).getResultList().stream().findFirst();
    }
}
