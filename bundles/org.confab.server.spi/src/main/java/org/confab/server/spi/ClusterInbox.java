package org.confab.server.spi;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What another node tells this node's router. Provided by the router; called by a cluster bundle.
 */
@ProviderType
public interface ClusterInbox {

    /**
     * {@code username}'s sessions changed on another node (or that node died): presence is gathered
     * and, when it differs from what this node last announced, pushed to this node's sessions.
     */
    void presenceChanged(String username);
}
