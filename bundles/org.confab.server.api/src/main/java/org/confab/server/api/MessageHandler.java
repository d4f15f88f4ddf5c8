package org.confab.server.api;

import org.confab.protocol.Frame;
import org.confab.protocol.ProtocolException;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service that handles one or more message types. Register it with the service property
 * {@value #TYPES} listing the types (for example {@code "x.dice.roll"}); the router dispatches every
 * frame of those types to it. Core features and plugins use this same extension point.
 *
 * <p>One handler owns a type at a time. A second service claiming a type that is already handled is
 * refused (logged as an error, and listed as a standby by the console command {@code confab:handlers});
 * it takes over if the first goes away.
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

    /**
     * Service property: the request budget its types draw from, a {@link RateClass#propertyValue()}
     * ({@code chat}, {@code bulk} or {@code admin}; default {@code chat}).
     */
    String RATE_CLASS = "confab.rate.class";

    /**
     * Service property: the capability this handler provides, announced to clients in
     * {@code hello.ok} (for example {@code x.dice}), with the registering bundle's version. Clients use
     * it to know whether the server has a plugin before offering its actions.
     */
    String CAPABILITY = "confab.capability";

    void handle(ClientSession session, Frame frame) throws ProtocolException;
}
