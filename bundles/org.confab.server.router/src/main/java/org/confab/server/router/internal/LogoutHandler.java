package org.confab.server.router.internal;

import org.confab.protocol.Frame;
import org.confab.protocol.messages.MessageTypes;
import org.confab.server.api.ClientSession;
import org.confab.server.api.MessageHandler;
import org.osgi.service.component.annotations.Component;

/** {@code auth.logout}: answers, then closes the session. */
@Component(property = MessageHandler.TYPES + "=" + MessageTypes.LOGOUT)
public class LogoutHandler implements MessageHandler {

    @Override
    public void handle(ClientSession session, Frame frame) {
        Replies.ok(session, frame);
        session.close("LOGGED_OUT", "logged out");
    }
}
