package org.confab.client.ui.internal.model;

import java.util.ArrayList;
import java.util.List;

import org.confab.protocol.messages.Messages.ChatMessage;
import org.confab.protocol.messages.Messages.MessagePage;

/**
 * Paging through history or search results, newest page first: remembers the {@code beforeId} of each
 * page seen so "newer" can go back. Answers are matched to the request that asked for them, so a slow
 * answer to an outdated request is dropped.
 */
public final class PagedResults {
    /** A request the view should send: the page's {@code beforeId} (null for the newest) and its ticket. */
    public record Request(Long beforeId, long ticket) {
    }

    private final List<Long> cursors = new ArrayList<>();
    private final Observers observers = new Observers();
    private int index;
    private long ticket;
    private MessagePage page = new MessagePage(List.of(), false);
    private boolean loading;

    /** Starts over at the newest page. */
    public Request first() {
        cursors.clear();
        cursors.add(null);
        index = 0;
        return request();
    }

    /**
     * Forgets every page (another user logged in, or nobody is): shows nothing, and an answer to an
     * earlier request that arrives later is dropped.
     */
    public void clear() {
        cursors.clear();
        index = 0;
        ticket++;
        page = new MessagePage(List.of(), false);
        loading = false;
        observers.changed();
    }

    /** The next older page; only when {@link #hasOlder()}. */
    public Request older() {
        long oldest = page.messages().stream().mapToLong(ChatMessage::messageId).min().orElseThrow();
        while (cursors.size() > index + 1) {
            cursors.remove(cursors.size() - 1);
        }
        cursors.add(oldest);
        index++;
        return request();
    }

    /** The page before this one; only when {@link #hasNewer()}. */
    public Request newer() {
        index--;
        return request();
    }

    /** Shows an answer if it is for the latest request; false when it was outdated. */
    public boolean show(long forTicket, MessagePage answer) {
        if (forTicket != ticket) {
            return false;
        }
        page = answer;
        loading = false;
        observers.changed();
        return true;
    }

    /** The latest request failed. */
    public void failed(long forTicket) {
        if (forTicket == ticket) {
            loading = false;
            page = new MessagePage(List.of(), false);
            observers.changed();
        }
    }

    public boolean loading() {
        return loading;
    }

    public boolean hasOlder() {
        return !loading && page.more() && !page.messages().isEmpty();
    }

    public boolean hasNewer() {
        return !loading && index > 0;
    }

    public int pageNumber() {
        return index + 1;
    }

    /** The messages of the current page, newest first. */
    public List<ChatMessage> messages() {
        return page.messages();
    }

    public void addObserver(Runnable observer) {
        observers.add(observer);
    }

    private Request request() {
        loading = true;
        observers.changed();
        return new Request(cursors.get(index), ++ticket);
    }
}
