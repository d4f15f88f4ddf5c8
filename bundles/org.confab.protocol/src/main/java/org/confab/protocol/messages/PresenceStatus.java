package org.confab.protocol.messages;

import java.util.List;

/** The presence statuses of {@code presence.set} and presence objects, and the capability announcing them. */
public final class PresenceStatus {
    public static final String AVAILABLE = "available";
    public static final String AWAY = "away";
    public static final String BUSY = "busy";
    public static final List<String> ALL = List.of(AVAILABLE, AWAY, BUSY);
    /** Capability in {@code hello.ok} of a server that takes {@code presence.set}. */
    public static final String CAPABILITY = "presence.status";
    /** Capability in {@code hello.ok} of a server that relays {@code chat.typing}. */
    public static final String TYPING_CAPABILITY = "chat.typing";

    private PresenceStatus() {
    }
}
