package org.confab.server.spi;

import java.time.Instant;

import org.confab.server.api.AttachmentState;

/**
 * A recipient's access to an attachment and where they stand with it.
 *
 * @param messageId the message that shared it; 0 until that message is committed
 */
public record StoredGrant(String attachmentId, String recipient, long messageId, AttachmentState state,
        Instant offered, Instant changed) {
}
