package org.confab.client.ui.internal.model;

/**
 * Which side a message's text belongs on: the direction of its first letter with a strong direction
 * (the rule of Unicode's bidirectional algorithm for a paragraph, P2/P3). Arabic or Hebrew text is
 * right-to-left even when it starts with digits or punctuation; text with no strong letter at all
 * (emoji, numbers) is left-to-right.
 */
public final class TextDirection {
    private TextDirection() {
    }

    public static boolean rightToLeft(String text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length();) {
            int codePoint = text.codePointAt(i);
            switch (Character.getDirectionality(codePoint)) {
                case Character.DIRECTIONALITY_LEFT_TO_RIGHT:
                    return false;
                case Character.DIRECTIONALITY_RIGHT_TO_LEFT, Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC:
                    return true;
                default:
                    break;
            }
            i += Character.charCount(codePoint);
        }
        return false;
    }
}
