package org.confab.server.sessions.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.confab.protocol.Frame;
import org.confab.server.api.ClientSession;
import org.confab.server.api.UserSessions;
import org.confab.server.spi.NodePush;
import org.confab.server.spi.OtherNodes;
import org.confab.server.spi.SessionPolicy;
import org.confab.server.spi.SessionRegistry;
import org.confab.server.spi.TransportSession;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open sessions of this server node, and the log of connects and disconnects. A plugin's push
 * ({@link UserSessions}) reaches the user's sessions on this node and, in a cluster, on the other nodes;
 * the count it returns is this node's.
 */
@Designate(ocd = SessionsConfig.class)
@Component(service = { SessionRegistry.class, UserSessions.class }, configurationPid = "org.confab.server.sessions",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class InMemorySessionRegistry implements SessionRegistry, UserSessions {

    private static final Logger LOG = LoggerFactory.getLogger(InMemorySessionRegistry.class);

    private final ConcurrentHashMap<Long, ClientSession> sessions = new ConcurrentHashMap<>();
    /** Logged-in sessions by user: delivery and presence look users up per message, never scan all sessions. */
    private final ConcurrentHashMap<String, Set<ClientSession>> byUser = new ConcurrentHashMap<>();
    private volatile SessionPolicy policy;
    /** Set on a node of a cluster. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile OtherNodes otherNodes;

    @Activate
    public InMemorySessionRegistry(SessionsConfig config) {
        modified(config);
    }

    @Modified
    void modified(SessionsConfig config) {
        int idle = Math.max(5, config.idleTimeoutSeconds());
        int heartbeat = Math.max(1, Math.min(config.heartbeatSeconds(), Math.max(1, idle / 3)));
        policy = new SessionPolicy(heartbeat, idle, Math.max(1, config.loginTimeoutSeconds()));
    }

    @Override
    public void opened(ClientSession session) {
        sessions.put(session.id(), session);
        LOG.info("connect #{} from {}", session.id(), session.remoteAddress());
    }

    @Override
    public void bind(ClientSession session, String username, boolean admin) {
        if (!(session instanceof TransportSession transportSession)) {
            throw new IllegalArgumentException("session #" + session.id() + " was not opened by a transport");
        }
        transportSession.authenticate(username, admin);
    }

    @Override
    public void authenticated(ClientSession session) {
        session.username().ifPresent(user -> byUser.computeIfAbsent(user, u -> ConcurrentHashMap.newKeySet()).add(session));
    }

    @Override
    public void closed(ClientSession session) {
        session.username().ifPresent(user -> byUser.computeIfPresent(user, (u, set) -> {
            set.remove(session);
            return set.isEmpty() ? null : set;
        }));
        if (sessions.remove(session.id()) != null) {
            LOG.info("disconnect #{} user={} from {}", session.id(), session.username().orElse("-"),
                    session.remoteAddress());
        }
    }

    @Override
    public Collection<ClientSession> all() {
        return List.copyOf(sessions.values());
    }

    @Override
    public List<ClientSession> sessionsOf(String username) {
        Set<ClientSession> of = byUser.get(username);
        return of == null ? List.of() : of.stream().filter(ClientSession::isOpen).toList();
    }

    @Override
    public int push(String username, Frame frame) {
        OtherNodes others = otherNodes;
        if (others != null) {
            others.push(username, NodePush.of(frame));
        }
        return UserSessions.super.push(username, frame);
    }

    @Override
    public int push(String username, String capability, Frame frame) {
        OtherNodes others = otherNodes;
        if (others != null) {
            others.push(username, capability, frame);
        }
        return UserSessions.super.push(username, capability, frame);
    }

    @Override
    public List<String> onlineUsers() {
        return byUser.entrySet().stream().filter(e -> e.getValue().stream().anyMatch(ClientSession::isOpen))
                .map(Map.Entry::getKey).sorted().toList();
    }

    @Override
    public SessionPolicy policy() {
        return policy;
    }
}
