package org.confab.server.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told after a write to an account committed on this node (created, changed, deleted), so other
 * nodes' {@link AccountCache} can forget it. Called on the writer's thread: return quickly.
 */
@ConsumerType
public interface AccountChangeListener {

    void accountChanged(String username);
}
