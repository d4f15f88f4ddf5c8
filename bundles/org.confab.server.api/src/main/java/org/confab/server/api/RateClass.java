package org.confab.server.api;

import java.util.Optional;

/**
 * Which request budget a message type draws from. Each class has its own rate per session, so a
 * chunked file transfer does not throttle chat, and chat does not starve administration. A handler
 * names its class with the service property {@link MessageHandler#RATE_CLASS}; {@link #CHAT} is the
 * default, and frames of unknown types count as chat.
 */
public enum RateClass {
    /** Messages people type and what clients ask while they are used (the default). */
    CHAT("chat"),
    /** Many small requests that move bytes, such as the chunks of a file transfer. */
    BULK("bulk"),
    /** Administrative requests. */
    ADMIN("admin");

    private final String propertyValue;

    RateClass(String propertyValue) {
        this.propertyValue = propertyValue;
    }

    /** The value of {@link MessageHandler#RATE_CLASS} that selects this class. */
    public String propertyValue() {
        return propertyValue;
    }

    /** The class a service property value names, empty for an unknown value. */
    public static Optional<RateClass> fromPropertyValue(Object value) {
        for (RateClass rateClass : values()) {
            if (rateClass.propertyValue.equals(value)) {
                return Optional.of(rateClass);
            }
        }
        return Optional.empty();
    }
}
