package org.confab.filetransfer.ui.internal;

import java.util.Optional;

import org.confab.client.ui.MessageView;
import org.confab.protocol.messages.Messages.Attachment;

/**
 * The offer a {@code file} message carries: its first attachment. The name comes from the sender and is
 * only shown (made printable first); where the file is saved is the library's safe name.
 */
record FileOffer(Optional<String> id, String name, long size, String sender, String senderDisplayName, boolean own) {
    private static final int SHOWN_NAME_CHARS = 120;

    static FileOffer of(MessageView message) {
        Optional<Attachment> file = message.attachments().stream().findFirst();
        String name = file.map(Attachment::name).filter(n -> !n.isBlank()).orElse(message.text());
        return new FileOffer(file.map(Attachment::id), printable(name), file.map(Attachment::size).orElse(0L),
                message.sender(), message.senderDisplayName(), message.own());
    }

    /** Control and bidirectional-override characters could disguise a name ("txt.exe"): shown as U+FFFD. */
    static String printable(String untrusted) {
        StringBuilder shown = new StringBuilder();
        untrusted.codePoints().limit(SHOWN_NAME_CHARS).forEach(c -> shown.appendCodePoint(
                Character.isISOControl(c) || Character.getType(c) == Character.FORMAT ? 0xFFFD : c));
        if (untrusted.codePointCount(0, untrusted.length()) > SHOWN_NAME_CHARS) {
            shown.append('\u2026');
        }
        return shown.isEmpty() ? "file" : shown.toString();
    }
}
