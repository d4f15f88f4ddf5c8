package org.confab.client.ui.internal.model;

/**
 * Decides whether an incoming message makes a sound: not for the conversation the user is looking at,
 * not when the preference is off, and at most once per {@link #GAP_MILLIS} however fast messages
 * arrive (a burst of ten messages is one sound, not a rattle).
 */
public final class SoundThrottle {
    public static final long GAP_MILLIS = 2_000;

    private long lastPlayed = Long.MIN_VALUE;

    /** Whether to play now for a message that arrived at {@code now}; remembers it when the answer is yes. */
    public boolean shouldPlay(long now, boolean enabled, boolean lookingAtIt) {
        if (!enabled || lookingAtIt || lastPlayed != Long.MIN_VALUE && now - lastPlayed < GAP_MILLIS) {
            return false;
        }
        lastPlayed = now;
        return true;
    }
}
