package org.confab.client.ui.internal.model;

import java.util.Optional;

/** Enter sends, Shift+Enter starts a new line. */
public final class ComposerKeys {
    public static final int SHIFT = 1 << 17;
    private static final int CR = '\r';
    private static final int LF = '\n';
    /** SWT.KEYPAD_CR. */
    private static final int KEYPAD_CR = (1 << 24) + 80;

    private ComposerKeys() {
    }

    /** Whether a key press (SWT key code and state mask) sends the message. */
    public static boolean sends(int keyCode, int stateMask) {
        boolean enter = keyCode == CR || keyCode == LF || keyCode == KEYPAD_CR;
        return enter && (stateMask & SHIFT) == 0;
    }

    /** The text to send, or empty when there is nothing worth sending. */
    public static Optional<String> message(String typed) {
        String text = typed.strip();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }
}
