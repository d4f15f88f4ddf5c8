package org.confab.client.ui.internal.model;

import java.util.Map;
import java.util.Optional;

/** Whether the server offers what a contribution needs, and how to say so when it does not. */
public final class Capabilities {
    private Capabilities() {
    }

    /**
     * Why a contribution needing {@code required} cannot be used with a server that announced
     * {@code offered}; empty when it can (or needs nothing).
     */
    public static Optional<String> missing(Optional<String> required, Map<String, String> offered) {
        return required.filter(name -> !offered.containsKey(name)).map(name -> "the server has no " + name + " plugin");
    }
}
