package org.confab.server.router.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.confab.server.api.MessageContent;
import org.confab.server.spi.AttachmentSharing;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Tells {@link AttachmentSharing} services about a message's attachments before it is stored, so the
 * recipient may read them by the time any push of the message reaches them. Unlike the listeners a
 * failure here is not swallowed: it fails the send, which the sender may retry.
 */
@Component(service = AttachmentShares.class)
public class AttachmentShares {

    private final List<AttachmentSharing> sharing = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addSharing(AttachmentSharing service) {
        sharing.add(service);
    }

    void removeSharing(AttachmentSharing service) {
        sharing.remove(service);
    }

    /** Before storing {@code content} from {@code sender} to {@code recipient}; nothing to do without attachments. */
    void beforeStore(String sender, String recipient, MessageContent content) {
        if (content.attachments().isEmpty()) {
            return;
        }
        for (AttachmentSharing service : sharing) {
            service.sharing(sender, recipient, content.attachments());
        }
    }
}
