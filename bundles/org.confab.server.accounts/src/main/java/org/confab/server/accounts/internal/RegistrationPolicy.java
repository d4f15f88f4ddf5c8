package org.confab.server.accounts.internal;

/** Who may create accounts. */
enum RegistrationPolicy {
    /** Anyone who can reach the server may register. */
    OPEN,
    /** Only administrators create accounts. */
    ADMIN_ONLY
}
