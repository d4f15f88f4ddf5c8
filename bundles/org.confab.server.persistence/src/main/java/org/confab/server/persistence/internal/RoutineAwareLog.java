package org.confab.server.persistence.internal;

import org.eclipse.persistence.logging.JavaLog;
import org.eclipse.persistence.logging.SessionLogEntry;

/**
 * EclipseLink's java.util.logging bridge (what {@code JavaLogger} names in persistence.xml), except for
 * one routine event: a resend of a stored message makes its batch hit the message table's unique key.
 * EclipseLink logs every exception it hands over at WARNING with the whole stack, before our code sees
 * it; this one our code expects, retries and logs as what it is (one INFO line in the router), so here
 * it is dropped. Every other message passes unchanged. EclipseLink creates it by name, with the
 * persistence unit's class loader: public, with a public no-argument constructor.
 */
public class RoutineAwareLog extends JavaLog {

    @Override
    public void log(SessionLogEntry entry) {
        if (entry.hasException() && GroupCommitter.uniqueKeyViolation(entry.getException())) {
            return;
        }
        super.log(entry);
    }
}
