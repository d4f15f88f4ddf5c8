package org.confab.client.core.internal;

import java.util.concurrent.CompletableFuture;

import org.confab.protocol.Frame;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a file transfer needs of the client: requests that may carry binary data, answered by whole
 * frames, and a way to wait until the client is logged in again after a lost connection. An interface
 * so the transfer logic is tested without sockets.
 */
interface AttachmentChannel {
    /** Sends a request, with {@code data} as a binary frame when not null; fails fast when not logged in. */
    CompletableFuture<Frame> request(String type, ObjectNode body, byte[] data);

    /**
     * Waits until requests can be sent again after a lost connection.
     *
     * @return false when the client did not log in again within the time it allows
     */
    boolean awaitLoggedIn() throws InterruptedException;

    /** The largest frame payload the server accepts, which bounds a chunk. */
    int maxFrameBytes();
}
