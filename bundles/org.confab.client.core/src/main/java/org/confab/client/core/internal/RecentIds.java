package org.confab.client.core.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ids of the most recently received chat messages, bounded in number, to drop the duplicates an
 * at-least-once push produces. Also remembers which of them the application acknowledged, so a
 * duplicate of an acknowledged message can be acknowledged again (the server resends it because our
 * first acknowledgement was lost). Thread-safe.
 */
final class RecentIds {
    private final Map<Long, Boolean> ackedById;

    RecentIds(int capacity) {
        this.ackedById = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Records the id; true when it was not seen recently, i.e. the message must be reported. */
    synchronized boolean firstSighting(long messageId) {
        return ackedById.putIfAbsent(messageId, Boolean.FALSE) == null;
    }

    synchronized void markAcked(long messageId) {
        ackedById.replace(messageId, Boolean.TRUE);
    }

    synchronized boolean isAcked(long messageId) {
        return Boolean.TRUE.equals(ackedById.get(messageId));
    }
}
