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

    /**
     * Another node stored a message and forwards it, as a {@code chat.message} push in both protocol
     * versions, to {@code username}'s sessions here (its recipient's, or its sender's other sessions).
     * A session still receiving its backlog of pending messages gets it after that backlog, in id
     * order, never ahead of older pending messages; every other session at once.
     *
     * @since 1.5
     */
    void messagePushed(String username, NodePush push);
}
