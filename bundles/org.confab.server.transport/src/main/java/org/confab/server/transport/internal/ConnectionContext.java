package org.confab.server.transport.internal;

import org.confab.protocol.FrameCodec;
import org.confab.server.spi.FrameDispatcher;
import org.confab.server.spi.SessionRegistry;

/** What every connection of one transport shares. */
record ConnectionContext(FrameCodec codec, FrameDispatcher dispatcher, SessionRegistry registry, int sendQueueFrames) {
}
