package org.confab.server.cluster.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import org.confab.server.api.ClientSession;
import org.confab.server.spi.AccountCache;
import org.confab.server.spi.LoginGate;
import org.confab.server.spi.SessionRegistry;
import org.confab.server.spi.Supervised;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.Dispatcher;
import io.nats.client.JetStreamApiException;
import io.nats.client.Nats;
import io.nats.client.Options;

/**
 * This node's connection to the cluster engine (NATS with JetStream) and what follows from its state.
 * Logins are allowed only while {@link EngineState#SERVING}. When the connection is lost the node
 * closes every session with {@code SHUTDOWN} (their clients reconnect to another node) instead of
 * serving users whose messages and presence it could no longer route; when it is back, the node takes
 * its old entries out of the session directory and serves again.
 */
final class ClusterEngine implements LoginGate, ConnectionListener {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterEngine.class);

    final ClusterSettings settings;
    final Roster roster;
    private final SessionRegistry registry;
    private final AccountCache accounts;
    private final NodeMessages messages;
    private final long startedAt = System.currentTimeMillis();
    private volatile EngineState state = EngineState.JOINING;
    private boolean everServed;
    /** Not the join's lock: a join may wait seconds on NATS, and isolation must not wait for it. */
    private final Object isolation = new Object();
    private volatile Connection connection;
    private volatile SessionDirectory directory;
    private final Thread heartbeat;

    ClusterEngine(ClusterSettings settings, SessionRegistry registry, NodeMessages.Local local)
            throws IOException, InterruptedException {
        this.settings = settings;
        this.accounts = local.accounts();
        this.registry = registry;
        this.roster = new Roster(settings.deadAfterMillis());
        this.messages = new NodeMessages(this, local);
        Options options = new Options.Builder().servers(settings.url().split(",")).connectionName("confab-" + settings.node())
                .maxReconnects(-1).reconnectWait(Duration.ofMillis(500)).connectionTimeout(Duration.ofSeconds(2))
                .pingInterval(Duration.ofSeconds(1)).maxPingsOut(3).connectionListener(this).build();
        LOG.info("cluster '{}': node {} joining through {}", settings.name(), settings.node(), settings.url());
        // returns at once when NATS is not reachable yet and keeps trying; logins wait for the state
        this.connection = Nats.connectReconnectOnConnect(options);
        this.heartbeat = Thread.ofVirtual().name("confab-cluster-heartbeat").start(() -> Supervised.loop(
                "the cluster heartbeat", () -> state != EngineState.STOPPED, this::beat));
        if (connection.getStatus() == Connection.Status.CONNECTED) {
            Thread.ofVirtual().name("confab-cluster-join").start(this::join);
        }
    }

    NodeMessages messages() {
        return messages;
    }

    EngineState state() {
        return state;
    }

    Connection connection() {
        return connection;
    }

    /** The directory, once joined. */
    Optional<SessionDirectory> directory() {
        return state == EngineState.SERVING ? Optional.ofNullable(directory) : Optional.empty();
    }

    long startedAt() {
        return startedAt;
    }

    @Override
    public Optional<String> refusal() {
        return state == EngineState.SERVING ? Optional.empty()
                : Optional.of("this server node is not connected to its cluster right now; try another server");
    }

    @Override
    public void connectionEvent(Connection conn, Events type) {
        switch (type) {
            case CONNECTED, RECONNECTED -> Thread.ofVirtual().name("confab-cluster-join").start(this::join);
            case DISCONNECTED -> isolate();
            case CLOSED -> state = EngineState.STOPPED;
            default -> {
                // discovered servers, lame duck, resubscribed: nothing changes for sessions
            }
        }
    }

    /** Buckets and subscriptions, then this node's stale directory entries out, then logins. */
    private synchronized void join() {
        if (state == EngineState.STOPPED || state == EngineState.SERVING) {
            return;
        }
        try {
            Connection conn = connection;
            if (directory == null) {
                // core subscriptions are restored by the client after a reconnection
                Dispatcher dispatcher = conn.createDispatcher(messages::received);
                dispatcher.subscribe(settings.subject("all"));
                dispatcher.subscribe(settings.nodeSubject(settings.node()));
            } else {
                directory.close();
            }
            // a fresh watch each time: the watched copy routes every push, and a watch from before a
            // restart of NATS may have stopped
            directory = SessionDirectory.open(conn, settings.name());
            directory.removeEverywhere(settings.node());
            // changes other nodes announced while this one was cut off were missed
            accounts.forgetAll();
            boolean again = everServed;
            everServed = true;
            synchronized (isolation) {
                if (connection.getStatus() != Connection.Status.CONNECTED || state == EngineState.STOPPED) {
                    return; // lost again meanwhile: the next reconnection joins
                }
                state = EngineState.SERVING;
            }
            messages.heartbeat(EngineState.SERVING, 0);
            LOG.info("cluster '{}': node {} is serving{}", settings.name(), settings.node(),
                    again ? " again" : "");
        } catch (IOException | JetStreamApiException e) {
            LOG.error("cluster '{}': node {} could not join ({}); logins stay refused until it can", settings.name(),
                    settings.node(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Once per loss (the client reports a disconnection at every failed reconnect attempt): the logged-in
     * sessions are closed; connections that arrive meanwhile stay, and their logins are refused.
     */
    private void isolate() {
        synchronized (isolation) {
            if (state == EngineState.STOPPED || state == EngineState.ISOLATED) {
                return;
            }
            state = EngineState.ISOLATED;
        }
        LOG.error("cluster '{}': node {} lost the connection to NATS; closing its sessions and refusing logins until"
                + " it is back", settings.name(), settings.node());
        for (ClientSession session : registry.all()) {
            if (session.username().isPresent()) {
                session.close("SHUTDOWN", "this server node lost its cluster; reconnect to another server");
            }
        }
    }

    private void beat() {
        try {
            Thread.sleep(settings.heartbeatMillis());
        } catch (InterruptedException e) {
            return;
        }
        int sessions = (int) registry.all().stream().filter(s -> s.username().isPresent()).count();
        if (state == EngineState.SERVING) {
            messages.heartbeat(state, sessions);
            for (String dead : roster.newlyDead(System.currentTimeMillis())) {
                messages.nodeDied(dead);
            }
        }
    }

    void stop() {
        state = EngineState.STOPPED;
        heartbeat.interrupt();
        try {
            SessionDirectory current = directory;
            if (current != null && connection.getStatus() == Connection.Status.CONNECTED) {
                current.removeEverywhere(settings.node());
            }
            connection.close();
        } catch (IOException | JetStreamApiException e) {
            LOG.warn("cluster: leaving cleanly failed ({}); the others count this node dead after {} ms", e.toString(),
                    settings.deadAfterMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
