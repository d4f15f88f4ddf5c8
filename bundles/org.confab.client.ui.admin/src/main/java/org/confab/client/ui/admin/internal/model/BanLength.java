package org.confab.client.ui.admin.internal.model;

import java.util.Optional;

import org.confab.protocol.messages.AdminMessages;

/** A ban as the kick dialog offers it: a number and a unit, turned into the minutes the server takes. */
public enum BanLength {
    MINUTES("minutes", 1), HOURS("hours", 60), DAYS("days", 24 * 60);

    private final String label;
    private final int minutes;

    BanLength(String label, int minutes) {
        this.label = label;
        this.minutes = minutes;
    }

    public String label() {
        return label;
    }

    /** The ban in minutes, or empty when it is not between one minute and the longest ban (365 days). */
    public Optional<Integer> minutes(int amount) {
        long total = (long) amount * minutes;
        return total < 1 || total > AdminMessages.MAX_BAN_MINUTES ? Optional.empty() : Optional.of((int) total);
    }
}
