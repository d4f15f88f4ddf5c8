package org.confab.client.ui.internal.views;

import org.confab.client.ui.internal.model.TranscriptRows.Message;

/** What a message row's clicks and context menu do outside the row: the conversation editor's part. */
interface RowActions {
    /** Hands a link (already checked to be http, https or mailto) to the desktop. */
    void openLink(String target);

    /** Puts text on the clipboard. */
    void copy(String text);

    /** Starts a reply that quotes the message in the composer. */
    void quote(Message message);
}
