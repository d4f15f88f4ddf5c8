package org.confab.server.api;

import org.confab.protocol.Frame;
import org.confab.protocol.ProtocolException;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service that handles one or more message types. Register it with the service property
 * {@value #TYPES} listing the types (for example {@code "filetransfer.offer"}); the router dispatches
 * every frame of those types to it. Core features and plugins use this same extension point.
 *
 * <p>Handlers run on the connection's own (virtual) thread and may block on I/O. A thrown
 * {@link ProtocolException} is answered with an {@code error} frame for the request.
 */
@ConsumerType
public interface MessageHandler {

    /** Service property: the message types this handler takes (String or String[]). */
    String TYPES = "confab.message.type";

    /** Service property: whether the types need a logged-in session (Boolean, default true). */
    String REQUIRES_LOGIN = "confab.requires.login";

    void handle(ClientSession session, Frame frame) throws ProtocolException;
}
