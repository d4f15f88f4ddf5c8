package org.confab.client.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class ClientMessageIdsTest {

    @Test
    void idsAreVersionSevenUuidsCarryingTheirMillisecond() {
        long millis = 1_764_000_004_567L;
        UUID id = UUID.fromString(ClientMessageIds.at(millis));
        assertEquals(7, id.version());
        assertEquals(2, id.variant(), "RFC 9562 variant");
        assertEquals(millis, id.getMostSignificantBits() >>> 16);
    }

    @Test
    void laterIdsSortAfterEarlierOnesAsText() {
        String earlier = ClientMessageIds.at(1_764_000_004_567L);
        String later = ClientMessageIds.at(1_764_000_004_568L);
        assertTrue(earlier.compareTo(later) < 0, earlier + " should sort before " + later);
        assertTrue(ClientMessageIds.at(0xFFF_FFFF_FFFFL).compareTo(ClientMessageIds.at(0x1000_0000_0000L)) < 0,
                "the hexadecimal timestamp has a fixed width, so text order is time order");
    }

    @Test
    void idsDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            assertTrue(seen.add(ClientMessageIds.next()));
        }
        assertTrue(ClientMessageIds.next().length() <= 64, "fits the protocol's limit");
    }
}
