package org.confab.server.spi;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Whether this node may log users in now. A cluster node that has lost its engine refuses logins
 * rather than serve users whose messages and presence it could no longer route. Without a gate
 * service every login may proceed.
 */
@ProviderType
public interface LoginGate {

    /** Empty when logins may proceed, else why not (shown to the user). */
    Optional<String> refusal();
}
