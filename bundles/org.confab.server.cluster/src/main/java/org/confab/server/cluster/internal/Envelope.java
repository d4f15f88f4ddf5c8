package org.confab.server.cluster.internal;

import java.io.IOException;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One message between nodes (over core NATS, JSON). {@code kind} says which fields matter:
 * {@code push} (user, frame, versionOne), {@code broadcast} (frame), {@code close} (user, code,
 * reason), {@code presence} (user), {@code account} (user), {@code heartbeat} (sessions, state,
 * startedAt). Frames travel as their wire text, so the receiving node only forwards them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Envelope(String kind, String from, String user, String frame, String versionOne, String code, String reason,
        Integer sessions, String state, Long startedAt) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    static Envelope of(String kind, String from, String user) {
        return new Envelope(kind, from, user, null, null, null, null, null, null, null);
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
