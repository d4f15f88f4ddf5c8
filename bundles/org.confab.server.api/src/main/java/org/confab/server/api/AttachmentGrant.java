package org.confab.server.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One recipient's access to an attachment, created when a stored message from the owner to the
 * recipient referenced it, before the message was pushed to them.
 *
 * @param attachment the attachment (its owner is the sender)
 * @param recipient canonical username of the user it was shared with
 * @param messageId the stored message that shared it, 0 until that message is committed
 * @param state where the recipient stands
 * @param offered when it was shared
 * @param changed when the state last changed
 */
public record AttachmentGrant(AttachmentInfo attachment, String recipient, long messageId, AttachmentState state,
        Instant offered, Instant changed) {
    public AttachmentGrant {
        Objects.requireNonNull(attachment, "attachment");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(offered, "offered");
        Objects.requireNonNull(changed, "changed");
    }
}
