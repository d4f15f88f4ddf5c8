package org.confab.protocol.messages;

import java.util.List;

/**
 * The bodies of the file-transfer plugin's requests ({@code file.*}, capability {@code file}). A file
 * is offered with an ordinary {@code chat.send} of kind {@value #KIND} whose first attachment is the
 * uploaded file; these requests list offers and move a recipient's state along. Section 19 of
 * docs/protocol.md describes them.
 */
public final class FileTransferMessages {
    public static final String OFFERS = "file.offers";
    public static final String ACCEPT = "file.accept";
    public static final String DECLINE = "file.decline";
    public static final String DOWNLOADED = "file.downloaded";
    public static final String SENT = "file.sent";
    /** Server push to the sender (and the recipient's other sessions): a recipient's state changed. */
    public static final String STATE = "file.state";
    /** The capability of the plugin and the message kind of an offer. */
    public static final String CAPABILITY = "file";
    public static final String KIND = "file";
    /** The states of one recipient, as on the wire. */
    public static final List<String> STATES = List.of("offered", "accepted", "downloaded", "declined");

    private FileTransferMessages() {
    }

    /** {@code file.accept}, {@code file.decline}, {@code file.downloaded}: the attachment id of the offer. */
    public record FileRef(String id) {
        public FileRef {
            AttachmentMessages.checkId(id);
        }
    }

    /** One file offered to the caller. */
    public record Offer(String id, long messageId, String from, String name, long size, String sha256,
            String mediaType, String state, String offered) {
    }

    /** {@code file.offers.ok}: offers not yet downloaded or declined, oldest first. */
    public record Offers(List<Offer> offers) {
    }

    /** One recipient of a file the caller sent. */
    public record Transfer(String id, String to, String name, long size, String state) {
    }

    /** {@code file.sent.ok}: the caller's files and each recipient's state, newest first. */
    public record Transfers(List<Transfer> transfers) {
    }

    /** {@code file.state} (push): {@code peer} is the recipient whose state is now {@code state}. */
    public record StateChange(String id, String peer, String state) {
    }
}
