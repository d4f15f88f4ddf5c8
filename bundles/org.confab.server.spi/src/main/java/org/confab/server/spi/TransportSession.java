package org.confab.server.spi;

import org.confab.server.api.ClientSession;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A session as its transport implements it: a {@link ClientSession} that the core can bind to an
 * account. Binding is kept out of {@link ClientSession} so that no plugin handler can log a session in
 * as somebody else; only the login handler does, through {@link SessionRegistry#bind}.
 */
@ConsumerType
public interface TransportSession extends ClientSession {

    /** Binds the session to an account after a successful login. */
    void authenticate(String username, boolean admin);
}
