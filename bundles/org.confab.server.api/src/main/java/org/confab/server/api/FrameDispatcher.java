package org.confab.server.api;

import org.confab.protocol.Frame;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What a transport hands every decoded frame to after the hello handshake, and tells about the end
 * of a session. Implemented by the router; transports depend only on this interface.
 */
@ProviderType
public interface FrameDispatcher {

    void dispatch(ClientSession session, Frame frame);

    /** The session is gone (closed by either side, timed out, or failed). */
    void sessionClosed(ClientSession session);
}
