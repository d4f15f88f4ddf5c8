package org.confab.server.spi;

/**
 * A change was refused because it would leave no active administrator (one that is neither locked
 * nor banned): the server must always have somebody who can administer it.
 */
public class LastAdministratorException extends Exception {
    private static final long serialVersionUID = 1L;

    public LastAdministratorException(String username) {
        super("'" + username + "' is the last active administrator; make another account administrator first");
    }
}
