package org.confab.server.spi;

/** An account with that canonical username already exists. */
public class UsernameTakenException extends Exception {
    private static final long serialVersionUID = 1L;

    public UsernameTakenException(String username) {
        super("username '" + username + "' is taken");
    }
}
