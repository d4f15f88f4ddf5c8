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

    /**
     * The {@code osgi.condition.id} of the condition a cluster node registers once its gate is in
     * place. A launch with a cluster makes the transport wait for it, so no login is served before the
     * node can refuse it (and route its messages and presence).
     */
    String REGISTERED_CONDITION = "confab.cluster.loginGate";

    /** Empty when logins may proceed, else why not (shown to the user). */
    Optional<String> refusal();
}
