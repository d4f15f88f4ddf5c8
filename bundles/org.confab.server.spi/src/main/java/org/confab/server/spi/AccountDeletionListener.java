package org.confab.server.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told after an account has been deleted, so data kept for it elsewhere goes too (its attachments).
 * Called on the administrator's thread; failures are logged and do not undo the deletion.
 */
@ConsumerType
public interface AccountDeletionListener {

    /** @return a short description of what was removed, for the audit log (for example "3 files") */
    String accountDeleted(String username);
}
