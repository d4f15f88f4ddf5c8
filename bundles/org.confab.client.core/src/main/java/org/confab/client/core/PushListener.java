package org.confab.client.core;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Receives the server pushes of one type, registered with {@link ConfabClient#subscribe}. Called on the
 * client's listener executor (see {@link ClientOptions#listenerExecutor()}), one push after another, in
 * the order they arrived and in order with the {@link ClientListener} calls; never on the socket reader.
 */
@FunctionalInterface
public interface PushListener {
    /**
     * One push.
     *
     * @param type the push's message type, the one subscribed to
     * @param body the push's fields without {@code type} and {@code rid}; a copy of this listener's own,
     *        which it may keep or change
     */
    void onPush(String type, ObjectNode body);
}
