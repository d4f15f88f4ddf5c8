package org.confab.server.spi;

import java.util.List;

import org.confab.server.api.AttachmentRef;
import org.confab.server.api.StorageException;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told by the router about a message that references attachments before the message is stored, on
 * the sending thread: the attachment service shares every attachment the sender may read with the
 * recipient here, so the grant exists before the message can be pushed (live or from the backlog at
 * the recipient's next login). A {@link StorageException} fails the send; nothing is stored then.
 */
@ConsumerType
public interface AttachmentSharing {

    void sharing(String sender, String recipient, List<AttachmentRef> attachments);
}
