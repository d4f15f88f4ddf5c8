package org.confab.client.core;

/**
 * Who the server logged us in as.
 *
 * @param username the canonical (lower-case) user name, which may differ in case from the one typed
 * @param displayName the name to show for this user
 * @param admin whether the account has administrator rights
 */
public record LoginResult(String username, String displayName, boolean admin) {
}
