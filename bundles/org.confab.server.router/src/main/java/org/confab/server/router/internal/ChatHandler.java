package org.confab.server.router.internal;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.confab.protocol.ErrorCode;
import org.confab.protocol.Frame;
import org.confab.protocol.ProtocolException;
import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.Messages.ChatAck;
import org.confab.protocol.messages.Messages.ChatSend;
import org.confab.protocol.messages.Messages.ChatSent;
import org.confab.protocol.messages.Messages.Delivered;
import org.confab.server.api.ClientSession;
import org.confab.server.api.MessageContent;
import org.confab.server.api.MessageHandler;
import org.confab.server.api.StoredMessage;
import org.confab.server.spi.AccountService;
import org.confab.server.spi.MessageStore;
import org.confab.server.spi.NewMessage;
import org.confab.server.spi.NodePush;
import org.confab.server.spi.SessionRegistry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code chat.send} and {@code chat.ack}. A message is acknowledged to its sender only after the
 * store committed it; it counts as delivered only when a recipient's client acknowledges it.
 */
@Component(property = { MessageHandler.TYPES + "=" + MessageTypes.CHAT_SEND, MessageHandler.TYPES + "=" + MessageTypes.CHAT_ACK })
public class ChatHandler implements MessageHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ChatHandler.class);

    private final AccountService accounts;
    private final MessageStore store;
    private final SessionRegistry registry;
    private final Deliveries deliveries;
    private final MessageEvents events;
    private final AttachmentShares shares;
    private final ClusterLink cluster;

    @Activate
    public ChatHandler(@Reference AccountService accounts, @Reference MessageStore store,
            @Reference SessionRegistry registry, @Reference Deliveries deliveries, @Reference MessageEvents events,
            @Reference AttachmentShares shares, @Reference ClusterLink cluster) {
        this.cluster = cluster;
        this.events = events;
        this.shares = shares;
        this.accounts = accounts;
        this.store = store;
        this.registry = registry;
        this.deliveries = deliveries;
    }

    @Override
    public void handle(ClientSession session, Frame frame) throws ProtocolException {
        if (MessageTypes.CHAT_SEND.equals(frame.type())) {
            send(session, frame);
        } else {
            acknowledge(session, frame);
        }
    }

    private void send(ClientSession session, Frame frame) throws ProtocolException {
        ChatSend request = Replies.read(frame, ChatSend.class);
        String recipient = accounts.canonical(request.to());
        if (accounts.find(recipient).isEmpty()) {
            throw new ProtocolException(ErrorCode.NO_SUCH_USER, "there is no user '" + recipient + "'");
        }
        String sender = session.username().orElseThrow();
        MessageContent content = WireMessages.content(request);
        // on this thread and before the store: the recipient can read the files by the time any push arrives
        shares.beforeStore(sender, recipient, content);
        // Pipelined: the connection reads its next frame while this one commits with others in a
        // group; the acknowledgement is sent from the completion, still only after the commit.
        store.storeAsync(new NewMessage(sender, recipient, request.clientMessageId(), content))
                .whenComplete((result, failure) -> {
                    if (failure != null) {
                        session.sendError(frame.rid(), ErrorCode.STORAGE_UNAVAILABLE,
                                "the server could not store the message right now; nothing was saved, please retry");
                        return;
                    }
                    StoredMessage stored = result.message();
                    Replies.ok(session, frame, new ChatSent(stored.id(), stored.sentAt().toEpochMilli(), result.duplicate()));
                    if (!stored.delivered()) {
                        deliveries.pushLive(stored);
                    }
                    if (!result.duplicate()) {
                        events.stored(stored);
                    } else {
                        // routine after a reconnect: the client resends what it had no answer for
                        LOG.info("resend of message #{} by {} (client id {}): stored already, answered again", stored.id(),
                                sender, request.clientMessageId());
                    }
                });
    }

    private void acknowledge(ClientSession session, Frame frame) throws ProtocolException {
        ChatAck request = Replies.read(frame, ChatAck.class);
        String recipient = session.username().orElseThrow();
        store.markDeliveredAsync(recipient, request.messageIds()).whenComplete((delivered, failure) -> {
            if (failure != null) {
                // nothing changed: the messages stay pending and are pushed again at the next login
                session.sendError(frame.rid(), ErrorCode.STORAGE_UNAVAILABLE, "could not record the acknowledgement; please retry");
                return;
            }
            if (frame.rid() != 0) {
                Replies.ok(session, frame);
            }
            Map<String, List<Long>> bySender = delivered.stream().collect(Collectors.groupingBy(StoredMessage::sender,
                    Collectors.mapping(StoredMessage::id, Collectors.toList())));
            bySender.forEach((sender, ids) -> {
                Delivered notice = new Delivered(recipient, ids);
                registry.sessionsOf(sender).forEach(s -> Replies.push(s, MessageTypes.CHAT_DELIVERED, notice));
                if (cluster.clustered()) {
                    cluster.others().push(sender, NodePush.of(Replies.CODEC.frame(MessageTypes.CHAT_DELIVERED, 0, notice)));
                }
            });
            deliveries.continueBacklog(session);
        });
    }
}
