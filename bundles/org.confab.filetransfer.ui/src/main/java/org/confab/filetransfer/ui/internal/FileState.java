package org.confab.filetransfer.ui.internal;

import java.util.Locale;
import java.util.Optional;

/** Where one recipient stands with a file offer (protocol: {@code file.state}). */
enum FileState {
    OFFERED, ACCEPTED, DECLINED, DOWNLOADED;

    /** The state named on the wire ("offered", ...); empty for a name this client does not know. */
    static Optional<FileState> parse(String name) {
        try {
            return Optional.of(valueOf(name.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether nothing more will happen to the offer. */
    boolean finished() {
        return this == DECLINED || this == DOWNLOADED;
    }
}
