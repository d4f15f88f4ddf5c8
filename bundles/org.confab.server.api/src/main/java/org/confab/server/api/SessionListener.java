package org.confab.server.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service told when sessions log in and end: register it and the router calls it. Calls
 * come on the session's own thread in the order the events happened for that session; a listener must
 * return quickly (hand slow work to an executor of its own). A listener that throws is logged and does
 * not affect the session or other listeners.
 */
@ConsumerType
public interface SessionListener {

    /** A session has logged in and its client has been told so. */
    default void loggedIn(ClientSession session) {
    }

    /** A logged-in session has ended, for whatever reason (logout, timeout, kick, broken connection). */
    default void loggedOut(ClientSession session) {
    }
}
