package org.confab.server.spi;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The account store's memory of accounts. Several nodes on one database each keep their own, so a
 * change made through one node makes the others forget the account ({@link #forget}).
 */
@ProviderType
public interface AccountCache {

    /** Reads {@code username} from the database again next time it is needed. */
    void forget(String username);

    /** Reads every account from the database again (after this node missed other nodes' changes). */
    void forgetAll();
}
