package org.confab.client.core;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.confab.protocol.Protocol;
import org.confab.protocol.messages.Messages.ChatSent;
import org.junit.jupiter.api.Test;

class BackpressureTest extends ClientTestSupport {
    /** 700 messages of 8000 characters: more than the client's largest send buffer plus the server's receive buffer. */
    private static final int MESSAGES = 700;

    @Override
    ClientOptions options() {
        // generous request timeout: this test is about blocking, not about dead connections
        return super.options().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(10));
    }

    @Test
    void sendNeverBlocksTheCallerAndKeepsTheOrderWhenTheServerStopsReading() throws Exception {
        connectAndLogin();
        CountDownLatch paused = new CountDownLatch(1);
        server.readGate = paused;
        String text = "x".repeat(Protocol.MAX_TEXT_LENGTH);

        List<CompletableFuture<ChatSent>> sends = assertTimeoutPreemptively(Duration.ofSeconds(3), () -> {
            List<CompletableFuture<ChatSent>> started = new ArrayList<>();
            for (int i = 0; i < MESSAGES; i++) {
                started.add(client.send("bob", "big-" + i, text));
            }
            return started;
        }, "send() blocked on the network");
        assertFalse(sends.get(MESSAGES - 1).isDone());
        paused.countDown();

        long previous = 0;
        for (CompletableFuture<ChatSent> send : sends) {
            long id = await(send).messageId();
            assertTrue(id > previous, "stored in the order sent");
            previous = id;
        }
    }
}
