package org.confab.filetransfer.ui.internal;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What this client knows of one file offer (by attachment id): the recipient's state as the server last
 * said, the peer (the recipient of an own offer, the sender of a received one), and what happens here:
 * a transfer running with its progress text, the last failure, where the file was saved.
 */
record Transfer(Optional<FileState> state, Optional<String> peer, boolean running, String progress,
        Optional<String> failure, Optional<Path> saved) {

    static final Transfer UNKNOWN = new Transfer(Optional.empty(), Optional.empty(), false, "", Optional.empty(),
            Optional.empty());

    Transfer withState(FileState next) {
        // the server's word never moves a file back from a final state it reached here
        FileState kept = state.filter(FileState::finished).filter(s -> !next.finished()).orElse(next);
        return new Transfer(Optional.of(kept), peer, running, progress, failure, saved);
    }

    Transfer withPeer(String who) {
        return who == null || who.isBlank() ? this : new Transfer(state, Optional.of(who), running, progress, failure, saved);
    }

    Transfer running(String text) {
        return new Transfer(state, peer, true, text, Optional.empty(), saved);
    }

    Transfer stopped(Optional<String> why) {
        return new Transfer(state, peer, false, "", why, saved);
    }

    Transfer saved(Path file) {
        return new Transfer(Optional.of(FileState.DOWNLOADED), peer, false, "", Optional.empty(), Optional.of(file));
    }
}
