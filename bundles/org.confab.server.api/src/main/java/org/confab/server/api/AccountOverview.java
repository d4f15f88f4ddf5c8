package org.confab.server.api;

/** An account as administrators list it: the account and whether it has a logged-in session. */
public record AccountOverview(Account account, boolean online) {
}
