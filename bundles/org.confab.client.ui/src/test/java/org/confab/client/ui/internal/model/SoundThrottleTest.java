package org.confab.client.ui.internal.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SoundThrottleTest {
    private final SoundThrottle throttle = new SoundThrottle();

    @Test
    void aBurstIsOneSoundAndTheNextComesAfterTheGap() {
        assertTrue(throttle.shouldPlay(10_000, true, false));
        assertFalse(throttle.shouldPlay(10_500, true, false));
        assertFalse(throttle.shouldPlay(11_999, true, false));
        assertTrue(throttle.shouldPlay(12_000, true, false));
    }

    @Test
    void theConversationInViewAndThePreferenceOffAreSilentAndDoNotStartTheGap() {
        assertFalse(throttle.shouldPlay(10_000, true, true), "the conversation the user looks at");
        assertFalse(throttle.shouldPlay(10_100, false, false), "preference off");
        assertTrue(throttle.shouldPlay(10_200, true, false), "silent messages do not count as played");
    }

    @Test
    void theFirstMessageEverPlaysWhateverTheClockSays() {
        assertTrue(throttle.shouldPlay(0, true, false));
        assertTrue(new SoundThrottle().shouldPlay(-5, true, false));
    }
}
