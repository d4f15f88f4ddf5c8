package org.confab.server.api;

import java.util.List;

/** One page of an account search and the number of all accounts that match. */
public record AccountPage(List<AccountOverview> accounts, long total) {
}
