package org.confab.client.core.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

import org.confab.client.core.ConfabConnectionException;
import org.confab.client.core.ConfabException;
import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.Messages.ChatSend;
import org.confab.protocol.messages.Messages.ChatSent;

/**
 * Chat messages from the moment they are sent until the server acknowledges them as stored. While
 * logged in a message is written at once; it stays here until its {@code chat.send.ok} (or an error)
 * arrives. When the connection is lost every unacknowledged message is written again, in the original
 * order and with the same client message id, after the next login, and messages sent meanwhile wait
 * behind them. The server recognises the ids, so nothing is stored twice. Writes are queued on the
 * connection, which sends them in call order, so holding this lock never waits on the network.
 * Thread-safe.
 */
final class SendQueue {
    private record Outgoing(ChatSend message, CompletableFuture<ChatSent> result) {
    }

    private final Deque<Outgoing> unacknowledged = new ArrayDeque<>();
    private final int capacity;
    private Connection online;

    SendQueue(int capacity) {
        this.capacity = capacity;
    }

    /** Queues the message, and writes it if logged in; completes with the server's acknowledgement. */
    synchronized CompletableFuture<ChatSent> send(ChatSend message) {
        if (unacknowledged.size() >= capacity) {
            return CompletableFuture.failedFuture(new ConfabConnectionException(
                    "too many messages waiting for the server (" + capacity + "); try again later"));
        }
        Outgoing outgoing = new Outgoing(message, new CompletableFuture<>());
        unacknowledged.add(outgoing);
        if (online != null) {
            transmit(online, outgoing);
        }
        return outgoing.result();
    }

    /** Logged in on {@code connection}: (re)writes everything unacknowledged, oldest first. */
    synchronized void goOnline(Connection connection) {
        online = connection;
        for (Outgoing outgoing : List.copyOf(unacknowledged)) {
            transmit(connection, outgoing);
        }
    }

    synchronized void goOffline() {
        online = null;
    }

    /** Gives up on every waiting message, for example after logout or when reconnecting is over. */
    void failAll(Throwable cause) {
        List<Outgoing> abandoned;
        synchronized (this) {
            abandoned = List.copyOf(unacknowledged);
            unacknowledged.clear();
        }
        abandoned.forEach(outgoing -> outgoing.result().completeExceptionally(cause));
    }

    synchronized int size() {
        return unacknowledged.size();
    }

    private void transmit(Connection connection, Outgoing outgoing) {
        connection.request(MessageTypes.CHAT_SEND, outgoing.message(), ChatSent.class)
                .whenComplete((sent, error) -> onAnswer(connection, outgoing, sent, Failures.unwrap(error)));
    }

    private void onAnswer(Connection connection, Outgoing outgoing, ChatSent sent, Throwable error) {
        if (error == null || error instanceof ConfabException) {
            synchronized (this) {
                if (!unacknowledged.remove(outgoing)) {
                    return;
                }
            }
            if (error == null) {
                outgoing.result().complete(sent);
            } else {
                outgoing.result().completeExceptionally(error);
            }
        } else if (error instanceof TimeoutException) {
            // A live connection answers; this one is dead or stuck. Reconnecting resends the message.
            connection.close("no acknowledgement for a sent message within the request timeout");
        }
        // Connection lost: the message stays queued and goes out again after the next login.
    }
}
