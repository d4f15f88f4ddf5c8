package org.confab.server.spi;

import org.confab.protocol.Frame;

/**
 * A push for sessions on another node, in both protocol versions: {@code versionOne} for sessions
 * that chose version 1 (the same frame when the versions do not differ).
 */
public record NodePush(Frame frame, Frame versionOne) {

    public static NodePush of(Frame frame) {
        return new NodePush(frame, frame);
    }
}
