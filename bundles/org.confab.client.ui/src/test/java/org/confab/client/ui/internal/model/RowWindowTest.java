package org.confab.client.ui.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RowWindowTest {
    private final RowWindow window = new RowWindow(100);

    @Test
    void onlyTheNewestPageHasControlsAtFirst() {
        assertEquals(0, window.first(40));
        assertEquals(2900, window.first(3000));
    }

    @Test
    void rowsLoadedAboveDoNotShiftTheWindow() {
        int before = 3000 - window.first(3000);
        assertEquals(before, 3050 - window.first(3050), "the same newest rows keep their controls");
    }

    @Test
    void reachingTheTopTakesInAPageUntilAllRowsHaveControls() {
        assertTrue(window.grow(250));
        assertEquals(50, window.first(250));
        assertTrue(window.grow(250));
        assertEquals(0, window.first(250));
        assertFalse(window.grow(250), "nothing left above: the server is asked for older messages");
    }

    @Test
    void aJumpFarAboveTakesInTheRowsDownToIt() {
        window.include(1000, 3000);
        assertTrue(window.first(3000) <= 1000);
        assertTrue(window.first(3000) >= 990, "a few rows of context, not the whole conversation");
    }
}
