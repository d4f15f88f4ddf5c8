package org.confab.client.ui.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class CapabilitiesTest {
    @Test
    void capabilityMissingFromTheServerIsExplained() {
        assertEquals(Optional.of("the server has no x.dice plugin"),
                Capabilities.missing(Optional.of("x.dice"), Map.of("chat.rich", "2.0.0")));
        assertEquals(Optional.empty(), Capabilities.missing(Optional.of("x.dice"), Map.of("x.dice", "1.0.0")));
        assertEquals(Optional.empty(), Capabilities.missing(Optional.empty(), Map.of()));
    }
}
