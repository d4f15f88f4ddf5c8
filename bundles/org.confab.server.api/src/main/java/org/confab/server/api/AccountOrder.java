package org.confab.server.api;

import java.util.Objects;

/**
 * The order of an account listing. Stores translate the field into a fixed clause of their own, so no
 * query text ever comes from a client.
 *
 * @param field what to order by; ties are always broken by username, so pages do not overlap
 * @param descending largest first
 */
public record AccountOrder(Field field, boolean descending) {
    /** By username, A to Z: the default. */
    public static final AccountOrder BY_USERNAME = new AccountOrder(Field.USERNAME, false);

    public AccountOrder {
        Objects.requireNonNull(field, "field");
    }

    /** What accounts can be ordered by. */
    public enum Field {
        USERNAME, DISPLAY_NAME, CREATED
    }
}
