package org.confab.server.cluster.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.confab.protocol.Frame;
import org.confab.protocol.FrameCodec;
import org.confab.protocol.ProtocolException;
import org.confab.protocol.messages.ClusterMessages;
import org.confab.protocol.messages.ClusterMessages.NodeAddress;
import org.confab.server.api.AdminService;
import org.confab.server.spi.AccountCache;
import org.confab.server.spi.AccountChangeListener;
import org.confab.server.spi.ClusterInbox;
import org.confab.server.spi.Gathered;
import org.confab.server.spi.NodePush;
import org.confab.server.spi.OtherNodes;
import org.confab.server.spi.SessionRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.nats.client.JetStreamApiException;
import io.nats.client.Message;

/**
 * {@link OtherNodes} over NATS: what this node tells the others (pushes to the node holding a user,
 * broadcasts, kicks, presence and account changes, heartbeats) and what it does with what they tell it.
 * Pushes go over core NATS, at most once: a stored message whose push is lost stays undelivered in the
 * shared database and reaches its recipient at the next login, never twice as a stored duplicate.
 */
final class NodeMessages implements OtherNodes, AccountChangeListener {
    private static final Logger LOG = LoggerFactory.getLogger(NodeMessages.class);
    private static final FrameCodec CODEC = new FrameCodec();
    private static final long WATCH_WAIT_MILLIS = 2000;

    /** What this node's own core provides to the cluster. */
    record Local(SessionRegistry registry, ClusterInbox inbox, AccountCache accounts, AdminService admin) {
    }

    private final ClusterEngine engine;
    private final Local local;
    private final String self;
    private final Inbound inbound;

    NodeMessages(ClusterEngine engine, Local local) {
        this.engine = engine;
        this.local = local;
        this.self = engine.settings.node();
        this.inbound = new Inbound(local, self);
    }

    @Override
    public boolean isOnlineElsewhere(String username) {
        return !liveOthers(username).isEmpty();
    }

    @Override
    public Set<String> onlineElsewhere() {
        return engine.directory().map(d -> d.users().entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(n -> !n.equals(self) && engine.roster.alive(n)))
                .map(Map.Entry::getKey).collect(Collectors.toSet())).orElse(Set.of());
    }

    @Override
    public void localSessions(String username, boolean any) {
        engine.directory().ifPresent(directory -> {
            try {
                if (any) {
                    directory.add(username, self);
                    // the login reads pending messages next: only once the others route to this node
                    directory.awaitWatched(username, self, true, WATCH_WAIT_MILLIS);
                } else {
                    directory.remove(username, self);
                }
            } catch (IOException | JetStreamApiException e) {
                // a login must not count as routable when it is not: the login fails and the client retries
                throw new IllegalStateException("the session directory could not be changed: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            send(engine.settings.subject("all"), Envelope.of("presence", self, username));
        });
    }

    /** Routed by the watched copy of the directory: no round trip to NATS per message. */
    @Override
    public void push(String username, NodePush push) {
        pushTo(username, push.frame(), push.versionOne(), null);
    }

    @Override
    public void push(String username, String capability, Frame frame) {
        pushTo(username, frame, frame, capability);
    }

    private void pushTo(String username, Frame frame, Frame versionOne, String capability) {
        Set<String> nodes = engine.directory().map(d -> d.watchedNodesOf(username)).orElse(Set.of()).stream()
                .filter(n -> !n.equals(self) && engine.roster.alive(n)).collect(Collectors.toSet());
        if (nodes.isEmpty()) {
            return;
        }
        byte[] data = Envelope.push(self, username, text(frame), versionOne == frame ? null : text(versionOne), capability)
                .bytes();
        nodes.forEach(node -> publish(engine.settings.nodeSubject(node), data));
    }

    @Override
    public void broadcast(Frame frame) {
        send(engine.settings.subject("all"), Envelope.broadcast(self, text(frame)));
    }

    /**
     * This node and the others that serve, where their clients reach them. Only nodes that announce an
     * address clients can use count (a malformed one in a heartbeat is left out, not passed on).
     */
    @Override
    public List<NodeAddress> servingNodes() {
        List<NodeAddress> nodes = new ArrayList<>();
        addressOf(engine.clientAddress(), engine.fingerprint()).ifPresent(nodes::add);
        for (Roster.Node other : engine.roster.snapshot()) {
            if (!other.name().equals(self) && EngineState.SERVING.name().equals(other.state())
                    && nodes.size() < ClusterMessages.MAX_NODES) {
                addressOf(other.address(), other.fingerprint()).ifPresent(nodes::add);
            }
        }
        return nodes;
    }

    private static Optional<NodeAddress> addressOf(String address, String fingerprint) {
        if (address.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new NodeAddress(address, fingerprint.isEmpty() ? null : fingerprint));
        } catch (IllegalArgumentException e) {
            LOG.debug("cluster: a node announced an address clients cannot use ({})", e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void closeSessions(String username, String code, String reason) {
        // every other node: the directory may lag behind a login that is being answered right now
        send(engine.settings.subject("all"), Envelope.close(self, username, code, reason));
    }

    @Override
    public void statusChanged(String username, String status) {
        engine.directory().ifPresent(directory -> {
            try {
                directory.setStatus(username, status);
            } catch (IOException | JetStreamApiException e) {
                LOG.warn("cluster: the status of '{}' could not be written to the session directory ({})", username,
                        e.toString());
            }
        });
    }

    @Override
    public Optional<String> sharedStatus(String username) {
        return engine.directory().flatMap(d -> d.watchedStatusOf(username));
    }

    /**
     * Asks every other node (a {@code close} or {@code sessions} question) and gathers the answers by
     * node, waiting at most {@code wait} for the live nodes this node knows; those that did not answer
     * are missing (all of them while this node does not serve).
     */
    Gathered<Map<String, Envelope>> ask(Envelope question, Duration wait) {
        Set<String> expected = expectedAnswers();
        Map<String, Envelope> answers = Map.of();
        if (engine.state() == EngineState.SERVING) {
            try {
                answers = Questions.ask(engine.connection(), engine.settings.subject("all"), question, expected, wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.warn("cluster: asking the other nodes failed ({})", e.toString());
            }
        }
        Set<String> answered = answers.keySet();
        return new Gathered<>(answers, expected.stream().filter(n -> !answered.contains(n)).sorted().toList());
    }

    /** The other nodes heard of and not silent. */
    Set<String> expectedAnswers() {
        return engine.roster.alive().stream().filter(n -> !n.equals(self)).collect(Collectors.toSet());
    }

    @Override
    public void accountChanged(String username) {
        send(engine.settings.subject("all"), Envelope.of("account", self, username));
    }

    void heartbeat(EngineState state, int sessions) {
        send(engine.settings.subject("all"), heartbeatOf(state, sessions));
    }

    Envelope heartbeatOf(EngineState state, int sessions) {
        String address = engine.clientAddress();
        String fingerprint = engine.fingerprint();
        return Envelope.heartbeat(self, sessions, state.name(), engine.startedAt(), address.isEmpty() ? null : address,
                fingerprint.isEmpty() ? null : fingerprint);
    }

    /** A node fell silent: its sessions are gone, so its users may have gone offline. */
    void nodeDied(String node) {
        LOG.warn("cluster: node {} is silent for more than {} ms; its sessions count as closed", node,
                engine.settings.deadAfterMillis());
        engine.directory().ifPresent(directory -> {
            try {
                Set<String> users = directory.removeEverywhere(node);
                LOG.info("cluster: node {} taken out of the session directory for {} user(s)", node, users.size());
                // the other survivors may find nothing left to remove (this node was first): they hear it
                for (String user : users) {
                    local.inbox().presenceChanged(user);
                    send(engine.settings.subject("all"), Envelope.of("presence", self, user));
                }
            } catch (IOException | JetStreamApiException e) {
                LOG.warn("cluster: removing node {} from the session directory failed ({}); retried at the next"
                        + " heartbeat", node, e.toString());
                engine.roster.retry(node);
            }
        });
    }

    /** Everything addressed to this node or to all nodes. */
    void received(Message message) {
        Envelope envelope;
        try {
            envelope = Envelope.read(message.getData());
        } catch (IOException e) {
            LOG.warn("cluster: ignored an unreadable message on {}: {}", message.getSubject(), e.getMessage());
            return;
        }
        if (envelope.from().equals(self)) {
            return;
        }
        if ("heartbeat".equals(envelope.kind())) {
            engine.roster.heard(envelope, System.currentTimeMillis());
            return;
        }
        try {
            Envelope answer = inbound.handle(envelope);
            if (answer != null && message.getReplyTo() != null) {
                engine.connection().publish(message.getReplyTo(), answer.bytes());
            }
        } catch (ProtocolException | RuntimeException e) {
            LOG.warn("cluster: ignored a '{}' from node {}: {}", envelope.kind(), envelope.from(), e.toString());
        }
    }

    private Set<String> liveOthers(String username) {
        return engine.directory().map(directory -> {
            try {
                return directory.nodesOf(username).stream().filter(n -> !n.equals(self) && engine.roster.alive(n))
                        .collect(Collectors.toSet());
            } catch (IOException | JetStreamApiException e) {
                LOG.warn("cluster: looking up where '{}' is failed ({})", username, e.toString());
                return Set.<String>of();
            }
        }).orElse(Set.of());
    }

    private void send(String subject, Envelope envelope) {
        publish(subject, envelope.bytes());
    }

    private void publish(String subject, byte[] data) {
        if (engine.state() == EngineState.SERVING) {
            engine.connection().publish(subject, data);
        }
    }

    private static String text(Frame frame) {
        return new String(CODEC.encode(frame), StandardCharsets.UTF_8);
    }
}
