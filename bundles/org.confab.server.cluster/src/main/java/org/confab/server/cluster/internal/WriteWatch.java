package org.confab.server.cluster.internal;

/**
 * Decides from the outcome of each heartbeat write to JetStream whether this node must isolate. A node
 * whose connection to NATS is up may still be on the minority side of a partition, where JetStream has
 * no quorum and accepts no write: it serves on only until its writes have failed for the dead time (by
 * then the others count it dead and route around it), then isolates as on the loss of its connection.
 */
final class WriteWatch {
    private final long deadAfterMillis;
    private long lastSuccess;
    private boolean reported;

    WriteWatch(long deadAfterMillis, long now) {
        this.deadAfterMillis = deadAfterMillis;
        this.lastSuccess = now;
    }

    /** The node (re)joined: the dead time counts from now. */
    synchronized void joined(long now) {
        lastSuccess = now;
        reported = false;
    }

    /** Records a write's outcome; true, once until the next join, when no write succeeded for the dead time. */
    synchronized boolean mustIsolate(boolean succeeded, long now) {
        if (succeeded) {
            lastSuccess = now;
            return false;
        }
        if (!reported && now - lastSuccess >= deadAfterMillis) {
            reported = true;
            return true;
        }
        return false;
    }
}
