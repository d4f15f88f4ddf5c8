package org.confab.client.core;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.confab.protocol.messages.AdminMessages.Notice;
import org.confab.protocol.messages.Messages.ChatMessage;
import org.confab.protocol.messages.Messages.Delivered;
import org.confab.protocol.messages.Messages.PresenceEntry;

/** Records every listener call in queues that tests can wait on. */
final class RecordingListener implements ClientListener {
    record StateChange(ConnectionState state, String reason) {
    }

    record SessionEnd(String code, String reason) {
    }

    final BlockingQueue<ChatMessage> messages = new LinkedBlockingQueue<>();
    final BlockingQueue<Delivered> delivered = new LinkedBlockingQueue<>();
    final BlockingQueue<PresenceEntry> presence = new LinkedBlockingQueue<>();
    final BlockingQueue<StateChange> states = new LinkedBlockingQueue<>();
    final BlockingQueue<SessionEnd> sessionEnds = new LinkedBlockingQueue<>();
    final BlockingQueue<Notice> notices = new LinkedBlockingQueue<>();

    @Override
    public void onMessage(ChatMessage message) {
        messages.add(message);
    }

    @Override
    public void onDelivered(Delivered event) {
        delivered.add(event);
    }

    @Override
    public void onPresence(PresenceEntry entry) {
        presence.add(entry);
    }

    @Override
    public void onConnectionState(ConnectionState state, String reason) {
        states.add(new StateChange(state, reason));
    }

    @Override
    public void onSessionClosed(String code, String reason) {
        sessionEnds.add(new SessionEnd(code, reason));
    }

    @Override
    public void onAdminNotice(Notice notice) {
        notices.add(notice);
    }

    /** Skips state changes until {@code wanted} is reported, and returns it. */
    StateChange awaitState(ConnectionState wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(FakeServer.WAIT_SECONDS);
        while (System.nanoTime() < deadline) {
            StateChange change = states.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (change != null && change.state() == wanted) {
                return change;
            }
        }
        return fail("client never reported " + wanted);
    }

    static <T> T next(BlockingQueue<T> queue) throws InterruptedException {
        T value = queue.poll(FakeServer.WAIT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(value, "expected listener call did not happen");
        return value;
    }
}
