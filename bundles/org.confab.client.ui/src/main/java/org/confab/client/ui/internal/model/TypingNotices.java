package org.confab.client.ui.internal.model;

import java.util.Optional;

/**
 * When the composer's edits tell the peer "typing" or "stopped": once when text appears, again every
 * {@link #REPEAT_MILLIS} while the user keeps typing (so the peer's indicator, which fades after
 * {@link #SHOWN_MILLIS}, stays on), and "stopped" when the composer is emptied or the message sent.
 * Never more than one notice per edit, and none while nothing changes.
 */
public final class TypingNotices {
    /** How often "typing" is repeated while the user types. */
    public static final long REPEAT_MILLIS = 3_000;
    /** How long a peer's "typing" is shown without a repeat. */
    public static final long SHOWN_MILLIS = 6_000;

    private boolean told;
    private long toldAt;

    /** The notice to send for the composer's text after an edit at {@code now}: true, false, or none. */
    public Optional<Boolean> edited(String text, long now) {
        if (text.isBlank()) {
            return stopped();
        }
        if (!told || now - toldAt >= REPEAT_MILLIS) {
            told = true;
            toldAt = now;
            return Optional.of(true);
        }
        return Optional.empty();
    }

    /** The message was sent, or the conversation closed: "stopped" if the peer was told "typing". */
    public Optional<Boolean> stopped() {
        if (!told) {
            return Optional.empty();
        }
        told = false;
        return Optional.of(false);
    }
}
