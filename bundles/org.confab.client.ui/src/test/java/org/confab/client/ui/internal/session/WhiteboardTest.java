package org.confab.client.ui.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.confab.client.ui.ContributionProperties;
import org.confab.client.ui.MessageRenderer;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Constants;

class WhiteboardTest {

    @Test
    void entriesAreOrderedByRankingThenLabelAndCarryTheirRequirement() {
        Whiteboard<String> board = new Whiteboard<>(s -> s);
        AtomicInteger changes = new AtomicInteger();
        board.addObserver(changes::incrementAndGet);
        board.add("b", Map.of());
        board.add("a", Map.of());
        board.add("z", Map.of(Constants.SERVICE_RANKING, 10, ContributionProperties.ID, "z.id",
                ContributionProperties.REQUIRED_CAPABILITY, "x.dice"));

        assertEquals(List.of("z", "a", "b"), board.entries().stream().map(Whiteboard.Entry::service).toList());
        assertEquals("z.id", board.entries().get(0).id());
        assertEquals(Optional.of("x.dice"), board.entries().get(0).requiredCapability());
        assertEquals(Optional.empty(), board.entries().get(1).requiredCapability());

        board.remove("z");
        assertEquals(4, changes.get(), "observers hear every change");
    }

    @Test
    void aRendererIsChosenByKindAndRanking() {
        MessageRendererRegistry registry = new MessageRendererRegistry();
        MessageRenderer low = (parent, message) -> { };
        MessageRenderer high = (parent, message) -> { };
        registry.addRenderer(low, Map.of(MessageRenderer.KINDS_PROPERTY, new String[] { "x.dice", "x.coin" }));
        registry.addRenderer(high, Map.of(MessageRenderer.KINDS_PROPERTY, "x.dice", Constants.SERVICE_RANKING, 5));

        assertEquals(Optional.of(high), registry.rendererFor("x.dice"));
        assertEquals(Optional.of(low), registry.rendererFor("x.coin"));
        assertTrue(registry.rendererFor("x.other").isEmpty());

        registry.removeRenderer(high);
        assertEquals(Optional.of(low), registry.rendererFor("x.dice"), "the next one takes over");
    }
}
