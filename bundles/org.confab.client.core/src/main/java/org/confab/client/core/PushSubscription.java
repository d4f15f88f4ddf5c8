package org.confab.client.core;

/**
 * A {@link PushListener}'s registration, returned by {@link ConfabClient#subscribe}. It lasts across
 * reconnects until closed; {@link #close()} may be called more than once and from any thread. A push
 * already handed to the listener executor when the subscription closes may still arrive.
 */
public interface PushSubscription extends AutoCloseable {
    /** The message type this subscription receives. */
    String type();

    /** Stops the pushes; idempotent. */
    @Override
    void close();
}
