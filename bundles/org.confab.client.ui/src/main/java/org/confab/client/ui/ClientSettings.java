package org.confab.client.ui;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The client's settings as a service: launch options and the user's preferences (Window &gt;
 * Preferences &gt; Confab). Values are read when asked for, so a changed preference takes effect at the
 * next use.
 */
@ProviderType
public interface ClientSettings {

    /** The server to offer at login: {@code ./confab client --server}, else the last one used. */
    ServerAddress server();

    /**
     * The servers to offer at login (several for the nodes of a cluster): {@code ./confab client --server
     * a:1,b:2}, else the last ones used.
     */
    default List<ServerAddress> servers() {
        return List.of(server());
    }

    /** Whether to show a popup for messages that arrive while the window is not focused. */
    boolean notificationsEnabled();

    /**
     * How long a request, including the heartbeat ping, may go unanswered before the connection counts
     * as dead and is re-established. The ping interval itself is set by the server.
     */
    Duration requestTimeout();

    /** The longest wait between two reconnect attempts. */
    Duration maxReconnectDelay();

    /**
     * The file of trusted servers and their certificate fingerprints ({@link org.confab.client.core.KnownServers}):
     * {@code ~/.confab/known_servers}, shared with the CLI, unless the launcher's
     * {@code confab.client.knownServers} property names another (tests use a file of their own).
     */
    Path knownServersFile();

    /** Where received files go (for the file-transfer plugin). */
    Path downloadDirectory();

    /** Where screenshots are saved (for the screenshot plugin). */
    Path screenshotDirectory();
}
