package org.confab.server.router.internal;

import java.util.List;
import java.util.Optional;

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
            found = store.conversation(user, accounts.canonical(request.peer()), Optional.ofNullable(request.beforeId()),
                    limit + 1);
        } else {
            SearchRequest request = Replies.read(frame, SearchRequest.class);
            limit = request.limit();
            found = store.search(user, Optional.ofNullable(request.peer()).map(accounts::canonical), request.query(),
                    Optional.ofNullable(request.beforeId()), limit + 1);
        }
        boolean more = found.size() > limit;
        List<StoredMessage> page = more ? found.subList(0, limit) : found;
        Replies.ok(session, frame, new MessagePage(page.stream().map(m -> WireMessages.forSession(session, m)).toList(), more));
    }
}
