package org.confab.server.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service told about every message after it has been durably stored (a resend that stored
 * nothing new is not reported). Called on a server thread after the commit; a listener must return
 * quickly and must not block. A listener that throws is logged and does not affect delivery.
 */
@ConsumerType
public interface MessageListener {

    void stored(StoredMessage message);
}
