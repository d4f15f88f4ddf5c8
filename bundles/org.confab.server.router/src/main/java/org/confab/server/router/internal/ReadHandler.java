package org.confab.server.router.internal;

import java.util.List;
import java.util.Optional;

import org.confab.protocol.ErrorCode;
import org.confab.protocol.Frame;
import org.confab.protocol.ProtocolException;
import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.Messages;
import org.confab.protocol.messages.Messages.ReadMark;
import org.confab.protocol.messages.Messages.ReadRequest;
import org.confab.protocol.messages.Messages.ReadState;
import org.confab.server.api.ClientSession;
import org.confab.server.api.MessageHandler;
import org.confab.server.api.StoredMessage;
import org.confab.server.spi.AccountService;
import org.confab.server.spi.MessageStore;
import org.confab.server.spi.NodePush;
import org.confab.server.spi.ReadMarkStore;
import org.confab.server.spi.SessionRegistry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code chat.read}: the user has read a peer's messages up to one of them. The mark must name a
 * message that peer sent this user (one indexed read of the conversation), so nobody can store marks
 * for strangers or for ids that do not exist; it only moves forward, and only a move is pushed as
 * {@code chat.read.update}: to the peer's sessions (the read receipt) and to the reader's other
 * sessions, on this node and, in a cluster, on the nodes holding their other sessions. The answer carries both marks of the conversation, so a client learns how far the peer
 * has read by sending its own mark ({@code upTo} 0 only asks). Charged to the chat rate class.
 */
@Component(property = { MessageHandler.TYPES + "=" + MessageTypes.CHAT_READ,
        MessageHandler.CAPABILITY + "=" + Messages.READ_CAPABILITY })
public class ReadHandler implements MessageHandler {
    private final AccountService accounts;
    private final MessageStore messages;
    private final ReadMarkStore marks;
    private final SessionRegistry registry;
    private final ClusterLink cluster;

    @Activate
    public ReadHandler(@Reference AccountService accounts, @Reference MessageStore messages,
            @Reference ReadMarkStore marks, @Reference SessionRegistry registry, @Reference ClusterLink cluster) {
        this.cluster = cluster;
        this.accounts = accounts;
        this.messages = messages;
        this.marks = marks;
        this.registry = registry;
    }

    @Override
    public void handle(ClientSession session, Frame frame) throws ProtocolException {
        ReadRequest request = Replies.read(frame, ReadRequest.class);
        String reader = session.username().orElseThrow();
        String sender = accounts.canonical(request.with());
        if (sender.equals(reader) || accounts.find(sender).isEmpty()) {
            throw new ProtocolException(ErrorCode.NO_SUCH_USER, "there is no other user '" + sender + "'");
        }
        long before = marks.find(reader, sender).orElse(0);
        long now = before;
        if (request.upTo() > before) {
            requireReceived(reader, sender, request.upTo());
            now = marks.advance(reader, sender, request.upTo());
        }
        Replies.ok(session, frame, new ReadState(sender, now, marks.find(sender, reader).orElse(0)));
        if (now > before) {
            ReadMark push = new ReadMark(reader, sender, now);
            for (ClientSession peer : registry.sessionsOf(sender)) {
                if (peer.isOpen()) {
                    Replies.push(peer, MessageTypes.CHAT_READ_UPDATE, push);
                }
            }
            for (ClientSession own : registry.sessionsOf(reader)) {
                if (own != session && own.isOpen()) {
                    Replies.push(own, MessageTypes.CHAT_READ_UPDATE, push);
                }
            }
            if (cluster.clustered()) {
                NodePush elsewhere = NodePush.of(Replies.CODEC.frame(MessageTypes.CHAT_READ_UPDATE, 0, push));
                cluster.others().push(sender, elsewhere);
                cluster.others().push(reader, elsewhere);
            }
        }
    }

    private void requireReceived(String reader, String sender, long upTo) throws ProtocolException {
        List<StoredMessage> newest = messages.conversation(reader, sender, Optional.of(upTo + 1), 1);
        boolean received = !newest.isEmpty() && newest.get(0).id() == upTo && newest.get(0).sender().equals(sender)
                && newest.get(0).recipient().equals(reader);
        if (!received) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST,
                    "chat.read: message " + upTo + " is not one " + sender + " sent you");
        }
    }
}
