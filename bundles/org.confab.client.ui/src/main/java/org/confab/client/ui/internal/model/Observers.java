package org.confab.client.ui.internal.model;

import java.util.ArrayList;
import java.util.List;

/** The change listeners of one model; confined to the model's thread like the model. */
final class Observers {
    private final List<Runnable> observers = new ArrayList<>();

    void add(Runnable observer) {
        observers.add(observer);
    }

    void remove(Runnable observer) {
        observers.remove(observer);
    }

    void changed() {
        List.copyOf(observers).forEach(Runnable::run);
    }
}
