package org.confab.server.cluster.internal;

import java.io.IOException;
import java.util.List;

import org.confab.protocol.messages.AdminMessages.OnlineSession;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One message between nodes (over core NATS, JSON). {@code kind} says which fields matter:
 * {@code push} (user, frame, versionOne, capability when only clients announcing it take the frame),
 * {@code broadcast} (frame), {@code close} (user, code, reason), {@code sessions} (a question),
 * {@code answer} (sessions: a count, or online: the answering node's sessions), {@code presence}
 * (user), {@code account} (user), {@code heartbeat} (sessions, state, startedAt, address, and the
 * TLS fingerprint of the node's certificate). A
 * {@code close} or {@code sessions} sent with a reply subject is answered there. Frames travel as
 * their wire text, so the receiving node only forwards them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Envelope(String kind, String from, String user, String frame, String versionOne, String capability,
        String code, String reason, Integer sessions, String state, Long startedAt, String address,
        List<OnlineSession> online, String fingerprint) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    static Envelope of(String kind, String from, String user) {
        return new Envelope(kind, from, user, null, null, null, null, null, null, null, null, null, null, null);
    }

    static Envelope push(String from, String user, String frame, String versionOne, String capability) {
        return new Envelope("push", from, user, frame, versionOne, capability, null, null, null, null, null, null, null,
                null);
    }

    static Envelope broadcast(String from, String frame) {
        return new Envelope("broadcast", from, null, frame, null, null, null, null, null, null, null, null, null, null);
    }

    static Envelope close(String from, String user, String code, String reason) {
        return new Envelope("close", from, user, null, null, null, code, reason, null, null, null, null, null, null);
    }

    static Envelope heartbeat(String from, int sessions, String state, long startedAt, String address, String fingerprint) {
        return new Envelope("heartbeat", from, null, null, null, null, null, null, sessions, state, startedAt,
                address, null, fingerprint);
    }

    static Envelope answer(String from, Integer count, List<OnlineSession> online) {
        return new Envelope("answer", from, null, null, null, null, null, null, count, null, null, null, online, null);
    }

    byte[] bytes() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + kind, e);
        }
    }

    static Envelope read(byte[] data) throws IOException {
        Envelope envelope = JSON.readValue(data, Envelope.class);
        if (envelope.kind() == null || envelope.from() == null) {
            throw new IOException("a cluster message without kind or sender");
        }
        return envelope;
    }
}
