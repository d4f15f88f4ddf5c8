package org.confab.server.cluster.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Subscription;

/**
 * A question to every other node, answered by each on a reply subject of its own (scatter and
 * gather over core NATS): the answers that arrived until every expected node answered or the wait
 * ended, by node.
 */
final class Questions {
    private Questions() {
    }

    static Map<String, Envelope> ask(Connection connection, String subject, Envelope question, Set<String> expected,
            Duration wait) throws InterruptedException {
        Map<String, Envelope> answers = new HashMap<>();
        String inbox = connection.createInbox();
        Subscription replies = connection.subscribe(inbox);
        try {
            connection.publish(subject, inbox, question.bytes());
            long deadline = System.nanoTime() + wait.toNanos();
            while (!answers.keySet().containsAll(expected)) {
                long left = deadline - System.nanoTime();
                Message reply = left <= 0 ? null : replies.nextMessage(Duration.ofNanos(left));
                if (reply == null) {
                    break;
                }
                try {
                    Envelope answer = Envelope.read(reply.getData());
                    answers.put(answer.from(), answer);
                } catch (IOException unreadable) {
                    // not an answer: the node that sent it counts as missing
                }
            }
        } finally {
            replies.unsubscribe();
        }
        return answers;
    }
}
