package org.confab.server.cluster.internal;

import java.util.List;

import org.confab.protocol.ProtocolException;
import org.confab.protocol.messages.AdminMessages.OnlineSession;
import org.confab.server.api.AdminActor;
import org.confab.server.api.AdminService;

/** This node's logged-in sessions as administration lists them, each named with this node. */
final class LocalSessions {
    private LocalSessions() {
    }

    static List<OnlineSession> of(AdminService admin, String node) throws ProtocolException {
        return admin.online(AdminActor.console()).stream()
                .map(s -> new OnlineSession(s.sessionId(), s.username(), s.address(), s.loginTime().toEpochMilli(),
                        s.idle().toSeconds(), s.client().orElse(null), node))
                .toList();
    }
}
