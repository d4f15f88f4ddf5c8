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
import org.confab.server.api.StorageException;
import org.confab.server.api.StoredMessage;
import org.confab.server.spi.AccountService;
import org.confab.server.spi.MessageStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * {@code chat.history} and {@code chat.search}: pages of the caller's own messages, newest first.
 * A search reads many more rows than a history page, so it does not run on the connection's reader
 * thread: it runs on a thread of its own, within a budget per user (one at a time, limits
 * {@code searchesPerMinute}) and for the whole server (limits {@code concurrentSearches}), so that
 * searches can never hold all pooled database connections while chat waits.
 */
@Component(property = { MessageHandler.TYPES + "=" + MessageTypes.CHAT_HISTORY, MessageHandler.TYPES + "=" + MessageTypes.CHAT_SEARCH })
public class HistoryHandler implements MessageHandler {

    private static final Logger LOG = LoggerFactory.getLogger(HistoryHandler.class);

    private final AccountService accounts;
    private final MessageStore store;
    private final AbuseLimits limits;

    @Activate
    public HistoryHandler(@Reference AccountService accounts, @Reference MessageStore store, @Reference AbuseLimits limits) {
        this.accounts = accounts;
        this.store = store;
        this.limits = limits;
    }

    @Override
    public void handle(ClientSession session, Frame frame) throws ProtocolException {
        String user = session.username().orElseThrow();
        if (MessageTypes.CHAT_HISTORY.equals(frame.type())) {
            HistoryRequest request = Replies.read(frame, HistoryRequest.class);
            String peer = accounts.canonical(request.peer());
            List<StoredMessage> found = store.conversation(user, peer, Optional.ofNullable(request.beforeId()), request.limit() + 1);
            if (found.isEmpty()) {
                requireKnown(user, peer, request.beforeId() != null);
            }
            Replies.ok(session, frame, page(session, found, request.limit()));
            return;
        }
        SearchRequest request = Replies.read(frame, SearchRequest.class);
        Optional<String> peer = Optional.ofNullable(request.peer()).map(accounts::canonical);
        AbuseLimits.SearchPermit permit = limits.startSearch(user);
        try {
            Thread.ofVirtual().name("confab-search-" + session.id()).start(() -> {
                Runnable answer;
                try (permit) {
                    answer = search(session, frame, user, peer, request);
                }
                answer.run(); // after the permit is back: the client may send its next search as soon as it reads this
            });
        } catch (RuntimeException | Error e) {
            permit.close();
            throw e;
        }
    }

    /** On the search's own thread: searches and returns the answer to send, whatever happens. */
    private Runnable search(ClientSession session, Frame frame, String user, Optional<String> peer, SearchRequest request) {
        try {
            List<StoredMessage> found = store.search(user, peer, request.query(), Optional.ofNullable(request.beforeId()),
                    request.limit() + 1);
            if (found.isEmpty() && peer.isPresent()) {
                requireKnown(user, peer.get(), true);
            }
            MessagePage page = page(session, found, request.limit());
            return () -> Replies.ok(session, frame, page);
        } catch (ProtocolException e) {
            return () -> session.sendError(frame.rid(), e.code(), e.getMessage());
        } catch (StorageException e) {
            LOG.error("storage failure searching for #{}", session.id(), e);
            return () -> session.sendError(frame.rid(), ErrorCode.STORAGE_UNAVAILABLE,
                    "the server could not read data right now; please retry");
        } catch (RuntimeException e) {
            LOG.error("search failed on #{}", session.id(), e);
            return () -> session.sendError(frame.rid(), ErrorCode.INTERNAL, "internal server error");
        }
    }

    private static MessagePage page(ClientSession session, List<StoredMessage> found, int limit) {
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
        return new MessagePage(page, found.size() > page.size());
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
