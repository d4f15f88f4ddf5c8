package org.confab.client.ui.internal.model;

import java.util.HashMap;
import java.util.Map;

/** How many messages from each peer have not been seen yet. */
public final class UnreadCounter {
    private final Map<String, Integer> counts = new HashMap<>();
    private final Observers observers = new Observers();

    public void increment(String peer) {
        counts.merge(peer, 1, Integer::sum);
        observers.changed();
    }

    public void clear(String peer) {
        if (counts.remove(peer) != null) {
            observers.changed();
        }
    }

    public void clearAll() {
        if (!counts.isEmpty()) {
            counts.clear();
            observers.changed();
        }
    }

    public int count(String peer) {
        return counts.getOrDefault(peer, 0);
    }

    public int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    public void addObserver(Runnable observer) {
        observers.add(observer);
    }

    public void removeObserver(Runnable observer) {
        observers.remove(observer);
    }
}
