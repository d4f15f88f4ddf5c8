package org.confab.server.spi;

import org.confab.server.api.Account;

import java.util.List;
import java.util.Optional;

import org.confab.protocol.ProtocolException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Account rules on top of {@link AccountStore}: username and password policy, credential
 * derivation, the registration policy. Errors carry the protocol code the client is told.
 */
@ProviderType
public interface AccountService {

    /** Validates and creates a self-registered account (refused when registration is admin-only). */
    Account register(String username, String password, String displayName) throws ProtocolException;

    /** Creates an account regardless of the registration policy (administrators, first start). */
    Account create(String username, String password, String displayName, boolean admin) throws ProtocolException;

    /** Canonical form of a username as typed (trimmed, lower-case). */
    String canonical(String username);

    Optional<Account> find(String username);

    Optional<StoredCredentials> credentials(String username);

    /**
     * What {@code auth.start} answers for a name without an account: a salt derived from the name with
     * a secret kept in the data directory (the same after a restart) and the iteration count new
     * accounts get, so that neither the answer nor a restart tells unknown names from real ones.
     */
    ScramChallenge decoyChallenge(String username);

    List<Account> list(int offset, int limit);

    /** Checks a new password against the password rules and derives its SCRAM verifier. */
    StoredCredentials deriveCredentials(String username, String password) throws ProtocolException;

    /** A display name as it will be stored: trimmed, checked, the username when blank. */
    String validDisplayName(String requested, String username) throws ProtocolException;
}
