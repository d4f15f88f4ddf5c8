package org.confab.server.transport.internal;

import org.confab.protocol.FrameCodec;
import org.confab.server.spi.FrameDispatcher;
import org.confab.server.spi.SessionRegistry;

/**
 * What every connection of one transport shares, including the byte budget of all their send queues
 * together ({@link SendBudget}).
 */
record ConnectionContext(FrameCodec codec, FrameDispatcher dispatcher, SessionRegistry registry, int sendQueueFrames,
        long sendQueueBytes, SendBudget sendBudget) {

    ConnectionContext(FrameCodec codec, FrameDispatcher dispatcher, SessionRegistry registry, int sendQueueFrames) {
        this(codec, dispatcher, registry, sendQueueFrames, 2L * codec.maxFrameBytes(),
                new SendBudget(Runtime.getRuntime().maxMemory() / 4));
    }
}
