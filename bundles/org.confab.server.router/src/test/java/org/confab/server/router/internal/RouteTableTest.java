package org.confab.server.router.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.confab.server.api.MessageHandler;
import org.confab.server.api.RateClass;
import org.confab.server.router.internal.RouteTable.Claim;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    private final RouteTable table = new RouteTable();

    private static Claim claim(String name, Optional<String> capability, String version) {
        // capturing the name makes each handler a distinct object, as distinct services are
        MessageHandler handler = (session, frame) -> session.sendError(frame.rid(), null, name);
        return new Claim(handler, name, true, RateClass.CHAT, capability, version);
    }

    @Test
    void theFirstClaimOwnsATypeAndASecondIsRefusedAndWaits() {
        Claim first = claim("first", Optional.empty(), "1.0.0");
        Claim second = claim("second", Optional.empty(), "1.0.0");
        assertTrue(table.add(first, List.of("x.dice.roll")).isEmpty());

        List<RouteTable.Conflict> conflicts = table.add(second, List.of("x.dice.roll"));

        assertEquals(1, conflicts.size());
        assertSame(first, conflicts.get(0).owner());
        assertSame(second, conflicts.get(0).refused());
        assertSame(first, table.owner("x.dice.roll").orElseThrow());
        assertEquals(List.of(first, second), table.snapshot().get("x.dice.roll"));
    }

    @Test
    void theWaitingClaimTakesOverWhenTheOwnerGoesAway() {
        Claim first = claim("first", Optional.empty(), "1.0.0");
        Claim second = claim("second", Optional.empty(), "1.0.0");
        table.add(first, List.of("x.dice.roll", "x.dice.stats"));
        table.add(second, List.of("x.dice.roll"));

        Map<String, Claim> promoted = table.remove(first.handler());

        assertEquals(Map.of("x.dice.roll", second), promoted);
        assertSame(second, table.owner("x.dice.roll").orElseThrow());
        assertTrue(table.owner("x.dice.stats").isEmpty(), "a type nobody waits for is gone");
    }

    @Test
    void removingAWaitingClaimLeavesTheOwnerInPlace() {
        Claim first = claim("first", Optional.empty(), "1.0.0");
        Claim second = claim("second", Optional.empty(), "1.0.0");
        table.add(first, List.of("x.dice.roll"));
        table.add(second, List.of("x.dice.roll"));

        assertTrue(table.remove(second.handler()).isEmpty());
        assertSame(first, table.owner("x.dice.roll").orElseThrow());
        assertEquals(List.of(first), table.snapshot().get("x.dice.roll"));
    }

    @Test
    void capabilitiesComeFromOwnersOnlyWithTheirVersions() {
        Claim dice = claim("dice", Optional.of("x.dice"), "1.2.0");
        Claim impostor = claim("impostor", Optional.of("x.fake"), "9.0.0");
        Claim plain = claim("plain", Optional.empty(), "1.0.0");
        table.add(dice, List.of("x.dice.roll"));
        table.add(impostor, List.of("x.dice.roll"));
        table.add(plain, List.of("chat.send"));

        assertEquals(Map.of("x.dice", "1.2.0"), table.capabilities());

        table.remove(dice.handler());
        assertEquals(Map.of("x.fake", "9.0.0"), table.capabilities());
    }
}
