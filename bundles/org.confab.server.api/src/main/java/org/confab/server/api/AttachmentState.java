package org.confab.server.api;

import java.util.Locale;
import java.util.Optional;

/**
 * Where one recipient stands with an attachment shared with them: it is {@link #OFFERED} once a
 * message referencing it reached them, then {@link #ACCEPTED} while they fetch it, and finally
 * {@link #DOWNLOADED} or {@link #DECLINED}. The last two are final: files expire some time after every
 * recipient has reached one of them.
 */
public enum AttachmentState {
    OFFERED, ACCEPTED, DOWNLOADED, DECLINED;

    /** Whether the recipient is done with the file (downloaded or declined). */
    public boolean isFinal() {
        return this == DOWNLOADED || this == DECLINED;
    }

    /** The state's name on the wire: lower case ({@code offered}, ...). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The state a wire name names, empty for anything else. */
    public static Optional<AttachmentState> fromWire(String name) {
        for (AttachmentState state : values()) {
            if (state.wireName().equals(name)) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }
}
