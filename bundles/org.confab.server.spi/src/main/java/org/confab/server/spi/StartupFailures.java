package org.confab.server.spi;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where a core component reports a problem that makes starting the server pointless (a database that
 * refuses the configured user, a password file that does not exist). The launcher's implementation
 * says so in one plain line and ends the process with a non-zero status, so an operator or a service
 * manager sees the failure at once instead of a process that waits for ever without listening.
 * Inside a test framework there may be no implementation: callers then fail their own activation.
 */
@ProviderType
public interface StartupFailures {

    /**
     * Reports a fatal start-up problem and ends the server. Returns (so the caller can clean up), but
     * the process exits shortly after.
     *
     * @param what a short name of what failed, for example {@code "database"}
     * @param plainMessage one line a person can act on, without a stack trace
     */
    void fatal(String what, String plainMessage);
}
