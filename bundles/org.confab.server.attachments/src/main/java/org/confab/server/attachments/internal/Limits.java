package org.confab.server.attachments.internal;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/** The configuration, checked once when it is applied, so a wrong value is reported at start and not at an upload. */
record Limits(long maxFileBytes, long quotaBytes, long diskFloorBytes, int chunkBytes, Duration retention, Duration maxAge,
        int expiryCheckSeconds) {
    static final int MIN_CHUNK = 4 << 10;
    /** A chunk and its header must fit the default 1 MiB frame. */
    static final int MAX_CHUNK = 960 << 10;

    Limits {
        positive("maxFileBytes", maxFileBytes);
        positive("quotaBytes", quotaBytes);
        if (diskFloorBytes < 0) {
            throw new IllegalArgumentException("diskFloorBytes must not be negative");
        }
        if (chunkBytes < MIN_CHUNK || chunkBytes > MAX_CHUNK) {
            throw new IllegalArgumentException("chunkBytes must be between " + MIN_CHUNK + " and " + MAX_CHUNK);
        }
        positive("expiryCheckSeconds", expiryCheckSeconds);
    }

    static Limits of(AttachmentsConfig config) {
        return new Limits(config.maxFileBytes(), config.quotaBytes(), config.diskFloorBytes(), config.chunkBytes(),
                duration("retention", config.retention()), duration("maxAge", config.maxAge()), config.expiryCheckSeconds());
    }

    private static void positive(String name, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1");
        }
    }

    private static Duration duration(String name, String text) {
        try {
            Duration value = Duration.parse(text.strip());
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + text);
            }
            return value;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be an ISO-8601 duration such as P7D or PT12H, was '" + text + "'", e);
        }
    }
}
