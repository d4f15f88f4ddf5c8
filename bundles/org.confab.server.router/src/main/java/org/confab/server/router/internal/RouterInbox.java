package org.confab.server.router.internal;

import org.confab.protocol.messages.MessageTypes;
import org.confab.server.spi.ClusterInbox;
import org.confab.server.spi.NodePush;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** What other nodes tell this node's router: presence changes, and messages for sessions here. */
@Component(service = ClusterInbox.class)
public class RouterInbox implements ClusterInbox {
    private final PresenceBroadcaster presence;
    private final Deliveries deliveries;

    @Activate
    public RouterInbox(@Reference PresenceBroadcaster presence, @Reference Deliveries deliveries) {
        this.presence = presence;
        this.deliveries = deliveries;
    }

    @Override
    public void presenceChanged(String username) {
        presence.presenceChanged(username);
    }

    @Override
    public void messagePushed(String username, NodePush push) {
        if (!MessageTypes.CHAT_MESSAGE.equals(push.frame().type())) {
            throw new IllegalArgumentException("not a chat.message: " + push.frame().type());
        }
        deliveries.pushForwarded(username, push);
    }
}
