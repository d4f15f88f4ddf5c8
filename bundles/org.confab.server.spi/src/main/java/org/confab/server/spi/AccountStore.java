package org.confab.server.spi;

import org.confab.server.api.StorageException;

import org.confab.server.api.AccountOrder;

import org.confab.server.api.Account;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Persistence of accounts. Usernames passed in are canonical (lower-case); implementations compare
 * them exactly. Deleted accounts are invisible to every method, but their usernames stay taken.
 * Every method may throw {@link StorageException}.
 */
@ProviderType
public interface AccountStore {

    Optional<Account> find(String username);

    Optional<StoredCredentials> credentials(String username);

    /**
     * Creates the account atomically; a concurrent creation of the same name, or a name that a
     * deleted account used, loses with the exception.
     */
    Account create(NewAccount account) throws UsernameTakenException;

    /** All accounts, ordered by username, at most {@code limit} from {@code offset}. */
    List<Account> list(int offset, int limit);

    long count();

    /** Whether any account holds the admin role. */
    boolean anyAdmin();

    /**
     * Accounts whose username or display name contains {@code fragment}, ignoring case (an empty
     * fragment matches all), in {@code order}, at most {@code limit} from {@code offset}.
     */
    List<Account> search(String fragment, AccountOrder order, int offset, int limit);

    /** How many accounts {@link #search} would find without paging. */
    long countMatching(String fragment);

    /**
     * Applies {@code update} in one transaction.
     *
     * @return the updated account, empty when there is no such account
     * @throws LastAdministratorException when the change would leave no active administrator;
     *         nothing is changed then
     */
    Optional<Account> update(String username, AccountUpdate update) throws LastAdministratorException;

    /**
     * Deletes an account: it can no longer log in and is no longer listed, its credentials are
     * erased, and its username can never be registered again (peers' histories keep naming it).
     *
     * @return the account as it was, empty when there is no such account
     * @throws LastAdministratorException when it is the last active administrator
     */
    Optional<Account> delete(String username) throws LastAdministratorException;
}
