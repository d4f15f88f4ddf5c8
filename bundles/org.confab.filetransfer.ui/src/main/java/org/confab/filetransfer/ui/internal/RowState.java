package org.confab.filetransfer.ui.internal;

import java.util.Optional;

/**
 * What a file row says and offers in a given state, decided apart from the widgets: the recipient may
 * accept (or download again after a cancel or failure), decline, cancel a running download, and open what
 * was saved here; the sender sees how far the recipient got.
 */
record RowState(String text, boolean canAccept, boolean canDecline, boolean canOpen) {

    static RowState of(FileOffer offer, Transfer transfer, boolean loaded, Optional<String> capabilityProblem) {
        if (offer.id().isEmpty()) {
            return info("This message names no file.");
        }
        if (capabilityProblem.isPresent()) {
            return info(capabilityProblem.get());
        }
        return offer.own() ? sent(transfer) : received(transfer, loaded);
    }

    private static RowState sent(Transfer transfer) {
        String peer = transfer.peer().orElse("the recipient");
        return info(switch (transfer.state().orElse(FileState.OFFERED)) {
            case OFFERED -> "Offered to " + peer + "; waiting for them to accept";
            case ACCEPTED -> peer + " accepted; downloading";
            case DOWNLOADED -> peer + " downloaded it";
            case DECLINED -> peer + " declined it";
        });
    }

    private static RowState received(Transfer transfer, boolean loaded) {
        if (transfer.running()) {
            return info("Downloading: " + transfer.progress());
        }
        if (transfer.saved().isPresent()) {
            return new RowState("Saved as " + transfer.saved().get(), false, false, true);
        }
        Optional<String> failure = transfer.failure();
        String before = failure.map(f -> f + " ").orElse("");
        if (transfer.state().isEmpty()) {
            return loaded ? info("No longer offered: downloaded or declined earlier, or expired")
                    : info(before + "Checking the offer\u2026");
        }
        return switch (transfer.state().get()) {
            case OFFERED -> new RowState(before + "Offered to you", true, true, false);
            case ACCEPTED -> new RowState(failure.orElse("Accepted, not downloaded here yet"), true, true, false);
            case DOWNLOADED -> info("Downloaded (on another device or earlier)");
            case DECLINED -> info("Declined");
        };
    }

    private static RowState info(String text) {
        return new RowState(text, false, false, false);
    }
}
