package org.confab.client.ui;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.confab.protocol.messages.Messages.Attachment;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A read-only view of one message of a conversation, as a {@link MessageRenderer} sees it. The
 * client implements it; a renderer only reads it.
 */
@ProviderType
public interface MessageView {

    /** The server's id of the message, 0 while it is not stored yet. */
    long messageId();

    /** The message's kind, namespaced like a message type: {@code text}, {@code file}, {@code x.dice}. */
    String kind();

    /** The message's text; may be empty for kinds other than {@code text}. */
    String text();

    /** The message's metadata: a copy of the JSON object it carried, empty when it carried none. */
    ObjectNode meta();

    /** References to the attachments' bytes in the server's store; empty when there are none. */
    List<Attachment> attachments();

    /** The user name of the sender. */
    String sender();

    /** How the client shows the sender: "You" for own messages, else the display name. */
    String senderDisplayName();

    /** When the server stored the message (while it is being sent: when it was written). */
    Instant time();

    /** Whether the logged-in user wrote it. */
    boolean own();
}
