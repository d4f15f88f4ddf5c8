package org.confab.server.transport.internal;

import org.confab.protocol.FrameCodec;
import org.confab.server.spi.FrameDispatcher;
import org.confab.server.spi.SessionRegistry;

/**
 * What every connection of one transport shares, including the byte budget of all their send queues
 * together ({@link SendBudget}) and the rate of the frames the transport answers itself
 * ({@code controlFramesPerSecond}, {@code controlFrameBurst}).
 */
record ConnectionContext(FrameCodec codec, FrameDispatcher dispatcher, SessionRegistry registry, int sendQueueFrames,
        long sendQueueBytes, SendBudget sendBudget, int controlFramesPerSecond, int controlFrameBurst) {
}
