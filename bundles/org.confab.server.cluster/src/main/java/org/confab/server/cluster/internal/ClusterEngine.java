package org.confab.server.cluster.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

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
 * serving users whose messages and presence it could no longer route. The same happens when the
 * connection stays up but JetStream accepts none of its heartbeat writes for the dead time (a minority
 * partition: {@link WriteWatch}). When it is back, the node takes its old entries out of the session
 * directory and serves again.
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
    /** Notified at every change of {@link #state}, for {@link #awaitState}. */
    private final Object stateChanges = new Object();
    private boolean everServed;
    /** Whether this node listens on its subjects (guarded by the join's lock). */
    private boolean subscribed;
    /** Whether the node isolated because JetStream refused its writes, not for want of a connection. */
    private volatile boolean writesRefused;
    /** Joins that failed in a row (guarded by the join's lock). */
    private int failedJoins;
    /** Not the join's lock: a join may wait seconds on NATS, and isolation must not wait for it. */
    private final Object isolation = new Object();
    private volatile Connection connection;
    private volatile SessionDirectory directory;
    private final Thread heartbeat;
    private final WriteWatch writes;
    /** Where clients connect, as bound (used when no client address is configured). */
    private volatile String boundAddress = "";
    /** The TLS fingerprint of this node's endpoint; empty without TLS. */
    private volatile String fingerprint = "";

    ClusterEngine(ClusterSettings settings, SessionRegistry registry, NodeMessages.Local local)
            throws IOException, InterruptedException {
        this.settings = settings;
        this.accounts = local.accounts();
        this.registry = registry;
        this.roster = new Roster(settings.deadAfterMillis());
        this.messages = new NodeMessages(this, local);
        this.writes = new WriteWatch(settings.deadAfterMillis(), System.currentTimeMillis());
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

    private void enter(EngineState next) {
        synchronized (stateChanges) {
            state = next;
            stateChanges.notifyAll();
        }
    }

    /**
     * Waits until the node is in {@code wanted} (it announces no state to anyone but the other nodes);
     * false when it was not within {@code timeout}.
     */
    boolean awaitState(EngineState wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (stateChanges) {
            while (state != wanted) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(stateChanges, left);
            }
            return true;
        }
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

    /**
     * The HOST:PORT clients use for this node: as configured, else the address its endpoint is bound to
     * (with this host's name when bound to every interface); empty before the endpoint is up.
     */
    String clientAddress() {
        return settings.clientAddress().isEmpty() ? boundAddress : settings.clientAddress();
    }

    /** The fingerprint of this node's TLS certificate, empty when it speaks plain TCP. */
    String fingerprint() {
        return fingerprint;
    }

    void endpointBound(InetSocketAddress address, String tlsFingerprint) {
        fingerprint = tlsFingerprint;
        String host;
        if (address.getAddress().isAnyLocalAddress()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (IOException unknown) {
                host = address.getAddress().getHostAddress();
            }
        } else {
            host = address.getAddress().getHostAddress();
        }
        boundAddress = (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
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
            case DISCONNECTED -> {
                writesRefused = false; // from now on it is the connection that is missing
                isolate("lost the connection to NATS");
            }
            case CLOSED -> enter(EngineState.STOPPED);
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
            if (!subscribed) {
                // core subscriptions are restored by the client after a reconnection
                Dispatcher dispatcher = conn.createDispatcher(messages::received);
                dispatcher.subscribe(settings.subject("all"));
                dispatcher.subscribe(settings.nodeSubject(settings.node()));
                subscribed = true;
            }
            if (directory != null) {
                directory.close();
            }
            // a fresh watch each time: the watched copy routes every push, and a watch from before a
            // restart of NATS may have stopped
            directory = SessionDirectory.open(conn, settings.name(), settings.replicas());
            directory.removeEverywhere(settings.node());
            // changes other nodes announced while this one was cut off were missed
            accounts.forgetAll();
            boolean again = everServed;
            everServed = true;
            failedJoins = 0;
            writesRefused = false;
            synchronized (isolation) {
                if (connection.getStatus() != Connection.Status.CONNECTED || state == EngineState.STOPPED) {
                    return; // lost again meanwhile: the next reconnection joins
                }
                writes.joined(System.currentTimeMillis());
                enter(EngineState.SERVING);
            }
            messages.heartbeat(EngineState.SERVING, 0);
            LOG.info("cluster '{}': node {} is serving{}", settings.name(), settings.node(),
                    again ? " again" : "");
        } catch (IOException | JetStreamApiException e) {
            // retried at every heartbeat while connected: said once, not every second
            if (failedJoins++ == 0) {
                LOG.error("cluster '{}': node {} could not join ({}); logins stay refused until it can, trying again"
                        + " at every heartbeat", settings.name(), settings.node(), e.toString());
            } else {
                LOG.debug("cluster: joining failed again ({})", e.toString());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Once per loss (the client reports a disconnection at every failed reconnect attempt): the logged-in
     * sessions are closed; connections that arrive meanwhile stay, and their logins are refused.
     */
    private void isolate(String why) {
        synchronized (isolation) {
            if (state == EngineState.STOPPED || state == EngineState.ISOLATED) {
                return;
            }
            enter(EngineState.ISOLATED);
        }
        LOG.error("cluster '{}': node {} {}; closing its sessions and refusing logins until it is back", settings.name(),
                settings.node(), why);
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
            if (writes.mustIsolate(stored(sessions), System.currentTimeMillis())) {
                writesRefused = true;
                isolate("is connected to NATS, but JetStream has accepted none of its writes for "
                        + settings.deadAfterMillis() + " ms (no quorum on its side of a partition?)");
            }
        } else if (state != EngineState.STOPPED && connection.getStatus() == Connection.Status.CONNECTED
                && (!writesRefused || stored(sessions))) {
            // connected but not serving: a join failed, or JetStream takes this node's writes again; join
            // (a node cut off by refused writes waits for one to succeed, so it does not flap)
            join();
        }
    }

    /** Writes this node's heartbeat to JetStream; false when JetStream did not store it. */
    private boolean stored(int sessions) {
        try {
            directory.beat(settings.node(), messages.heartbeatOf(state, sessions).bytes());
            return true;
        } catch (IOException | JetStreamApiException | RuntimeException e) {
            LOG.debug("cluster: the heartbeat write failed ({})", e.toString());
            return false;
        }
    }

    void stop() {
        enter(EngineState.STOPPED);
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
