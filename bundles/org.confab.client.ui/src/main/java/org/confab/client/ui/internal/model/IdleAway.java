package org.confab.client.ui.internal.model;

import java.util.Optional;

import org.confab.protocol.messages.PresenceStatus;

/**
 * Auto-away: after {@code idleMillis} without a key press or mouse movement an available user becomes
 * away, and the next activity makes them available again. A status the user chose (away or busy) is
 * never changed by it.
 */
public final class IdleAway {
    private long lastActivity;
    private boolean madeAway;

    public IdleAway(long now) {
        lastActivity = now;
    }

    /** Activity at {@code now}: "available" again if auto-away had set "away". */
    public Optional<String> activity(long now) {
        lastActivity = now;
        if (madeAway) {
            madeAway = false;
            return Optional.of(PresenceStatus.AVAILABLE);
        }
        return Optional.empty();
    }

    /** A periodic check: "away" when an available user has been idle long enough; 0 or less turns it off. */
    public Optional<String> check(long now, long idleMillis, String currentStatus) {
        if (idleMillis > 0 && !madeAway && PresenceStatus.AVAILABLE.equals(currentStatus)
                && now - lastActivity >= idleMillis) {
            madeAway = true;
            return Optional.of(PresenceStatus.AWAY);
        }
        return Optional.empty();
    }

    /** The user chose a status themselves: auto-away no longer owns it. */
    public void chosen() {
        madeAway = false;
    }
}
