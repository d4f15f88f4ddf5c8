package org.confab.server.api;

/**
 * The database could not do what was asked (unreachable, constraint broken unexpectedly, ...). The
 * caller must not acknowledge anything that depended on the failed operation.
 */
public class StorageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
