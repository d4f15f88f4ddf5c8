package org.confab.server.spi;

import org.confab.server.api.ClientSession;

import java.util.Map;

import org.confab.protocol.Frame;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What a transport hands every decoded frame to after the hello handshake, and tells about the end
 * of a session. Implemented by the router; transports depend only on this interface.
 */
@ProviderType
public interface FrameDispatcher {

    void dispatch(ClientSession session, Frame frame);

    /**
     * The capabilities of the installed handlers, name to version (for example {@code x.dice} to
     * {@code 1.0.0}), which a transport announces to clients; it changes as plugins come and go.
     */
    Map<String, String> capabilities();

    /** The session is gone (closed by either side, timed out, or failed). */
    void sessionClosed(ClientSession session);
}
