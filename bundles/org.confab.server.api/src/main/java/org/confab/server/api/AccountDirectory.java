package org.confab.server.api;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Read-only access to accounts, for plugins: who exists, their display names and roles. Changing
 * accounts is administration ({@link AdminService}, checked and audited); credentials are never
 * visible here.
 */
@ProviderType
public interface AccountDirectory {

    /** The canonical form of a username as a user typed it (trimmed, lower-case). */
    String canonical(String username);

    /** The account with this canonical username, empty when there is none (or it was deleted). */
    Optional<Account> find(String username);
}
