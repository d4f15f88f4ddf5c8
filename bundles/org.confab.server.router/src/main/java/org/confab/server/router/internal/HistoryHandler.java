package org.confab.server.router.internal;

import java.util.ArrayList;

import java.util.List;
import java.util.Optional;

import org.confab.protocol.ErrorCode;
import org.confab.protocol.Frame;
import org.confab.protocol.Protocol;
import org.confab.protocol.ProtocolException;
import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.Messages.ChatMessage;
import org.confab.protocol.messages.Messages.HistoryRequest;
import org.confab.protocol.messages.Messages.MessagePage;
import org.confab.protocol.messages.Messages.SearchRequest;
import org.confab.server.api.ClientSession;
import org.confab.server.api.MessageHandler;
import org.confab.server.api.StoredMessage;
import org.confab.server.spi.AccountService;
import org.confab.server.spi.MessageStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.core.JsonProcessingException;

/** {@code chat.history} and {@code chat.search}: pages of the caller's own messages, newest first. */
@Component(property = { MessageHandler.TYPES + "=" + MessageTypes.CHAT_HISTORY, MessageHandler.TYPES + "=" + MessageTypes.CHAT_SEARCH })
public class HistoryHandler implements MessageHandler {

    private final AccountService accounts;
    private final MessageStore store;

    @Activate
    public HistoryHandler(@Reference AccountService accounts, @Reference MessageStore store) {
        this.accounts = accounts;
        this.store = store;
    }

    @Override
    public void handle(ClientSession session, Frame frame) throws ProtocolException {
        String user = session.username().orElseThrow();
        List<StoredMessage> found;
        int limit;
        if (MessageTypes.CHAT_HISTORY.equals(frame.type())) {
            HistoryRequest request = Replies.read(frame, HistoryRequest.class);
            limit = request.limit();
            String peer = accounts.canonical(request.peer());
            found = store.conversation(user, peer, Optional.ofNullable(request.beforeId()), limit + 1);
            if (found.isEmpty()) {
                requireKnown(user, peer, request.beforeId() != null);
            }
        } else {
            SearchRequest request = Replies.read(frame, SearchRequest.class);
            limit = request.limit();
            Optional<String> peer = Optional.ofNullable(request.peer()).map(accounts::canonical);
            found = store.search(user, peer, request.query(), Optional.ofNullable(request.beforeId()), limit + 1);
            if (found.isEmpty() && peer.isPresent()) {
                requireKnown(user, peer.get(), true);
            }
        }
        List<ChatMessage> page = new ArrayList<>(Math.min(limit, found.size()));
        long pageBytes = 0;
        for (StoredMessage stored : found.subList(0, Math.min(limit, found.size()))) {
            ChatMessage message = WireMessages.forSession(session, stored);
            long bytes = encodedSize(message);
            // A page is cut at a byte budget as well as at `limit`: 50 messages of 8,000 control
            // characters (6 bytes of JSON each) are 2.4 MB, more than a frame may hold, and the reader
            // was disconnected every time it opened that conversation. At least one message always goes.
            if (!page.isEmpty() && pageBytes + bytes > Protocol.MAX_PAGE_BYTES) {
                break;
            }
            page.add(message);
            pageBytes += bytes;
        }
        boolean more = found.size() > page.size();
        Replies.ok(session, frame, new MessagePage(page, more));
    }

    private static long encodedSize(ChatMessage message) {
        try {
            return Replies.CODEC.mapper().writeValueAsBytes(message).length + 1L;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode message " + message.messageId(), e);
        }
    }

    /**
     * An empty page names a peer that may not exist (protocol section 11.11): {@code NO_SUCH_USER} unless
     * it is an account, or a deleted one whose conversation with the caller stays readable. Only asked
     * for empty pages, so a normal page costs nothing extra.
     */
    private void requireKnown(String user, String peer, boolean filtered) throws ProtocolException {
        if (accounts.find(peer).isPresent()
                || filtered && !store.conversation(user, peer, Optional.empty(), 1).isEmpty()) {
            return;
        }
        throw new ProtocolException(ErrorCode.NO_SUCH_USER, "there is no user '" + peer + "'");
    }
}
