package org.confab.server.router.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.confab.server.api.ClientSession;
import org.confab.server.api.StoredMessage;
import org.confab.server.spi.MessageStore;

/**
 * One session's {@code chat.message} pushes, in id order. After the login the session first receives
 * its backlog of pending messages, a page at a time (the next after the client acknowledges); until
 * the backlog has been pushed, a message stored meanwhile is not pushed directly but left to the
 * backlog's reads, so it goes after the older pending ones. Once a page shorter than a full one has
 * been pushed the session is live and every message is pushed at once.
 *
 * <p>The read of a page, the queueing of its messages and the switch to live happen under this
 * object's lock, and so does every live push: a live push finds the session either live (and goes
 * after the last page) or still reading, and then the message, committed before it is pushed, is in
 * a read still to come. Two kinds of message a read does not bring are held here and merged into the
 * next page by id: copies for the sender's own sessions (not pending for them), and messages whose
 * commit came after a read that already passed their id (two batches commit in parallel).
 */
final class SessionFeed {
    static final int PAGE = 500;

    private final String username;
    private final NavigableMap<Long, ChatPush> held = new TreeMap<>();
    private boolean started;
    private boolean waitingForAck;
    private boolean live;
    /** The id of the last message pushed from the backlog. */
    private long after;
    /**
     * The ids of every backlog page pushed, each ascending: a message committed just before a read
     * is pushed by that read, and its own live push, arriving later (also after the session went
     * live), is not pushed again.
     */
    private final List<long[]> backlogPages = new ArrayList<>();

    SessionFeed(String username) {
        this.username = username;
    }

    /** A message stored for the session's user: pushed now when the session is live, else after the backlog. */
    synchronized void offer(ClientSession session, ChatPush push) {
        if (push.pending() && pushedFromBacklog(push.id())) {
            return;
        }
        if (live) {
            push.sendTo(session);
        } else if (!push.pending() || push.id() <= after) {
            held.put(push.id(), push);
        }
        // else the backlog's next read brings it
    }

    private boolean pushedFromBacklog(long id) {
        for (long[] page : backlogPages) {
            if (id >= page[0] && id <= page[page.length - 1] && Arrays.binarySearch(page, id) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** At login: pushes the first page. */
    synchronized void start(ClientSession session, MessageStore store) {
        if (!started) {
            started = true;
            pushPage(session, store);
        }
    }

    /** After an acknowledgement by the session: the next page, if the backlog was waiting for one. */
    synchronized void acknowledged(ClientSession session, MessageStore store) {
        if (waitingForAck) {
            waitingForAck = false;
            pushPage(session, store);
        }
    }

    private void pushPage(ClientSession session, MessageStore store) {
        List<StoredMessage> page;
        try {
            page = store.undelivered(username, after, PAGE);
        } catch (RuntimeException e) {
            // the rest of the backlog waits for the next login; what is held and what follows go out live
            goLive(session, new TreeMap<>());
            throw e;
        }
        boolean backlogEnds = page.size() < PAGE;
        NavigableMap<Long, ChatPush> out = new TreeMap<>(backlogEnds ? held : held.headMap(page.getLast().id(), true));
        held.keySet().removeAll(out.keySet());
        page.forEach(message -> out.put(message.id(), ChatPush.of(username, message)));
        if (!page.isEmpty()) {
            after = Math.max(after, page.getLast().id());
        }
        if (!page.isEmpty()) {
            backlogPages.add(page.stream().mapToLong(StoredMessage::id).toArray());
        }
        if (backlogEnds) {
            goLive(session, out);
        } else if (sendAll(session, out)) {
            waitingForAck = true;
        }
    }

    private void goLive(ClientSession session, NavigableMap<Long, ChatPush> out) {
        held.forEach(out::putIfAbsent);
        held.clear();
        live = true;
        sendAll(session, out);
    }

    /** False when the session stopped taking frames (it is closing): the rest waits for the next login. */
    private static boolean sendAll(ClientSession session, Map<Long, ChatPush> out) {
        for (ChatPush push : out.values()) {
            if (!push.sendTo(session)) {
                return false;
            }
        }
        return true;
    }
}
