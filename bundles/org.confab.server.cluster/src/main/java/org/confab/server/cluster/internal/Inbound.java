package org.confab.server.cluster.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.confab.protocol.Frame;
import org.confab.protocol.FrameCodec;
import org.confab.protocol.ProtocolException;
import org.confab.protocol.messages.MessageTypes;
import org.confab.server.api.ClientSession;
import org.confab.server.spi.NodePush;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What another node asked this node to do with its own sessions. A question (a {@code close} or
 * {@code sessions} with a reply subject) returns the answer to send back, else {@code null}.
 */
final class Inbound {
    private static final Logger LOG = LoggerFactory.getLogger(Inbound.class);
    private static final FrameCodec DECODER = new FrameCodec();

    private final NodeMessages.Local local;
    private final String self;

    Inbound(NodeMessages.Local local, String self) {
        this.local = local;
        this.self = self;
    }

    Envelope handle(Envelope envelope) throws ProtocolException {
        switch (envelope.kind()) {
            case "push" -> push(envelope);
            case "broadcast" -> {
                Frame frame = decode(envelope.frame());
                for (ClientSession session : local.registry().all()) {
                    if (session.username().isPresent() && session.isOpen()) {
                        session.send(frame);
                    }
                }
            }
            case "close" -> {
                List<ClientSession> sessions = local.registry().sessionsOf(envelope.user());
                sessions.forEach(s -> s.close(envelope.code(), envelope.reason()));
                return Envelope.answer(self, sessions.size(), null);
            }
            case "sessions" -> {
                return Envelope.answer(self, null, LocalSessions.of(local.admin(), self));
            }
            case "presence" -> local.inbox().presenceChanged(envelope.user());
            case "account" -> local.accounts().forget(envelope.user());
            default -> LOG.debug("cluster: unknown message kind '{}' (a newer node?)", envelope.kind());
        }
        return null;
    }

    private void push(Envelope envelope) throws ProtocolException {
        Frame frame = decode(envelope.frame());
        Frame versionOne = envelope.versionOne() == null ? frame : decode(envelope.versionOne());
        if (envelope.capability() == null && MessageTypes.CHAT_MESSAGE.equals(frame.type())) {
            // through the router: a session still receiving its backlog gets it after the older pending ones
            local.inbox().messagePushed(envelope.user(), new NodePush(frame, versionOne));
            return;
        }
        for (ClientSession session : local.registry().sessionsOf(envelope.user())) {
            if (envelope.capability() == null || session.clientCapabilities().contains(envelope.capability())) {
                session.send(session.protocolVersion() == 1 ? versionOne : frame);
            }
        }
    }

    private static Frame decode(String text) throws ProtocolException {
        return DECODER.decode(text.getBytes(StandardCharsets.UTF_8));
    }
}
