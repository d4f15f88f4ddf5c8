package org.confab.server.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Persistence of accounts. Usernames passed in are canonical (lower-case); implementations compare
 * them exactly. Every method may throw {@link StorageException}.
 */
@ProviderType
public interface AccountStore {

    Optional<Account> find(String username);

    Optional<StoredCredentials> credentials(String username);

    /** Creates the account atomically; a concurrent creation of the same name loses with the exception. */
    Account create(NewAccount account) throws UsernameTakenException;

    /** All accounts, ordered by username, at most {@code limit} from {@code offset}. */
    List<Account> list(int offset, int limit);

    long count();

    /** Whether any account holds the admin role. */
    boolean anyAdmin();
}
