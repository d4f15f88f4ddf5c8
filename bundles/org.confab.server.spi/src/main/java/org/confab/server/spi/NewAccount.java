package org.confab.server.spi;

/** What {@link AccountStore#create} needs: an already validated, canonical username and derived credentials. */
public record NewAccount(String username, String displayName, boolean admin, StoredCredentials credentials) {
}
