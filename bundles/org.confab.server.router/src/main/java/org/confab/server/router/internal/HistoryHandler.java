package org.confab.server.router.internal;

import java.util.List;
import java.util.Optional;

import org.confab.protocol.ErrorCode;
import org.confab.protocol.Frame;
import org.confab.protocol.ProtocolException;
import org.confab.protocol.messages.MessageTypes;
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
        boolean more = found.size() > limit;
        List<StoredMessage> page = more ? found.subList(0, limit) : found;
        Replies.ok(session, frame, new MessagePage(page.stream().map(m -> WireMessages.forSession(session, m)).toList(), more));
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
