package org.confab.server.router.internal;

import org.confab.protocol.Frame;
import org.confab.protocol.ProtocolException;
import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.Messages.SetStatus;
import org.confab.protocol.messages.PresenceStatus;
import org.confab.server.api.ClientSession;
import org.confab.server.api.MessageHandler;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code presence.set}: the user says they are available, away or busy. Validated by {@link SetStatus}
 * (anything else is a {@code BAD_REQUEST}), charged to the chat rate class like every core request,
 * and broadcast only when it changes, so a client repeating itself costs nobody else anything.
 */
@Component(property = { MessageHandler.TYPES + "=" + MessageTypes.PRESENCE_SET,
        MessageHandler.CAPABILITY + "=" + PresenceStatus.CAPABILITY })
public class PresenceStatusHandler implements MessageHandler {
    private final PresenceBroadcaster presence;

    @Activate
    public PresenceStatusHandler(@Reference PresenceBroadcaster presence) {
        this.presence = presence;
    }

    @Override
    public void handle(ClientSession session, Frame frame) throws ProtocolException {
        SetStatus request = Replies.read(frame, SetStatus.class);
        presence.statusChanged(session, request.status());
        Replies.ok(session, frame);
    }
}
