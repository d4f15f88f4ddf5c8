package org.confab.server.router.internal;

import org.confab.protocol.Frame;
import org.confab.protocol.ProtocolException;
import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.Messages.Typing;
import org.confab.protocol.messages.Messages.TypingRequest;
import org.confab.protocol.messages.PresenceStatus;
import org.confab.server.api.ClientSession;
import org.confab.server.api.MessageHandler;
import org.confab.server.spi.NodePush;
import org.confab.server.spi.SessionRegistry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code chat.typing}: relays "started/stopped typing" to the peer's logged-in sessions as a
 * {@code chat.typing.update} push. Nothing is stored: a notice for a peer who is offline (or does not exist)
 * goes nowhere and is answered the same way, so it tells the sender nothing about accounts. Charged to
 * the chat rate class; clients send it at most every few seconds per conversation.
 */
@Component(property = { MessageHandler.TYPES + "=" + MessageTypes.CHAT_TYPING,
        MessageHandler.CAPABILITY + "=" + PresenceStatus.TYPING_CAPABILITY })
public class TypingHandler implements MessageHandler {
    private final SessionRegistry registry;
    private final ClusterLink cluster;

    @Activate
    public TypingHandler(@Reference SessionRegistry registry, @Reference ClusterLink cluster) {
        this.registry = registry;
        this.cluster = cluster;
    }

    @Override
    public void handle(ClientSession session, Frame frame) throws ProtocolException {
        TypingRequest request = Replies.read(frame, TypingRequest.class);
        String from = session.username().orElseThrow();
        if (!request.to().equals(from)) {
            Typing push = new Typing(from, request.typing());
            for (ClientSession peer : registry.sessionsOf(request.to())) {
                if (peer.isOpen()) {
                    Replies.push(peer, MessageTypes.CHAT_TYPING_UPDATE, push);
                }
            }
            if (cluster.clustered()) {
                cluster.others().push(request.to(), NodePush.of(Replies.CODEC.frame(MessageTypes.CHAT_TYPING_UPDATE, 0, push)));
            }
        }
        Replies.ok(session, frame);
    }
}
