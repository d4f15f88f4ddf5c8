package org.confab.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.confab.protocol.Frame;
import org.confab.protocol.Protocol;
import org.confab.protocol.Scram;
import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.Messages.AuthStart;
import org.confab.protocol.messages.Messages.ChatAck;
import org.confab.protocol.messages.Messages.HelloOk;

/** Conformance: framing (section 2), frame content (3) and requests and responses (5). */
class ConformanceFramingTest extends ConformanceSupport {

    @Statement
    void section2_lengthCountsThePayloadOnly(int version) throws Exception {
        try (TestClient client = TestClient.connected(server(), version)) {
            // the example frame of section 2, byte for byte
            client.sendRaw(HexFormat.ofDelimiter(" ").parseHex(
                    "00 00 00 17 7b 22 74 79 70 65 22 3a 22 70 69 6e 67 22 2c 22 72 69 64 22 3a 31 7d"));
            assertEquals("ping.ok", client.response(1).type());
        }
    }

    @Statement
    void section2_theAnnouncedLimitIsTheLargestPayload(int version) throws Exception {
        try (TestClient client = new TestClient(server())) {
            int limit = client.body(client.hello(version), HelloOk.class).maxFrameBytes();
            assertEquals(Protocol.DEFAULT_MAX_FRAME_BYTES, limit, "the default limit");
            String start = "{\"type\":\"ping\",\"rid\":1000,\"pad\":\"";
            String end = "\"}";
            client.sendPayload(utf8(start + "x".repeat(limit - start.length() - end.length()) + end));
            assertEquals("ping.ok", client.response(1000).type(), "a payload of exactly the limit is accepted");
            client.sendRaw(length(limit + 1L));
            nextErrorWithoutRid(client, "FRAME_TOO_LARGE");
        }
    }

    @Statement
    void section2_aLengthAboveTheLimitIsFatal(int version) throws Exception {
        for (long declared : List.of(Protocol.DEFAULT_MAX_FRAME_BYTES + 1L, 0x8000_0000L, 0xFFFF_FFFFL)) {
            try (TestClient client = TestClient.connected(server(), version)) {
                client.sendRaw(length(declared)); // no payload follows: the length alone must be refused
                nextErrorWithoutRid(client, "FRAME_TOO_LARGE");
                nextIsSessionClosedThenClose(client, "PROTOCOL_ERROR");
            }
        }
    }

    @Statement
    void section2_beforeHelloOkTheServerEnforces16KiB(int version) throws Exception {
        // 16 KiB + 1 and a length above the full limit, each as the very first bytes of a connection
        for (long declared : List.of(Protocol.MIN_MAX_FRAME_BYTES + 1L, 2L * Protocol.DEFAULT_MAX_FRAME_BYTES)) {
            try (TestClient client = new TestClient(server())) {
                client.sendRaw(length(declared));
                nextErrorWithoutRid(client, "FRAME_TOO_LARGE");
                nextIsSessionClosedThenClose(client, "PROTOCOL_ERROR");
            }
        }
        try (TestClient client = new TestClient(server())) {
            String start = "{\"type\":\"hello\",\"rid\":1000,\"version\":" + version + ",\"pad\":\"";
            client.sendPayload(utf8(start + "x".repeat(Protocol.MIN_MAX_FRAME_BYTES - start.length() - 2) + "\"}"));
            assertEquals("hello.ok", client.response(1000).type(), "16 KiB itself is allowed");
        }
    }

    @Statement
    void section2_aLengthOfZeroIsFatalToo(int version) throws Exception {
        try (TestClient client = TestClient.connected(server(), version)) {
            client.sendRaw(length(0));
            nextErrorWithoutRid(client, "BAD_FRAME");
            nextIsSessionClosedThenClose(client, "PROTOCOL_ERROR");
        }
        try (TestClient client = new TestClient(server())) {
            client.sendRaw(length(0)); // the same as the very first frame, before hello
            nextErrorWithoutRid(client, "BAD_FRAME");
            nextIsSessionClosedThenClose(client, "PROTOCOL_ERROR");
        }
    }

    @Statement
    void section2_anUnparseablePayloadIsBadFrameAndTheConnectionContinues(int version) throws Exception {
        try (TestClient client = TestClient.connected(server(), version)) {
            List<byte[]> broken = List.of(utf8("{not json"), new byte[] { (byte) 0xC3, (byte) 0x28 }, utf8("[1]"),
                    utf8("{\"rid\":1000}"), utf8("{\"type\":\"Ping\",\"rid\":1001}"), utf8("{\"type\":\"ping\",\"rid\":-1}"));
            for (byte[] payload : broken) {
                client.sendPayload(payload);
                nextErrorWithoutRid(client, "BAD_FRAME");
            }
            assertEquals("ping.ok", client.request(MessageTypes.PING).type(), "the connection continues");
        }
    }

    @Statement
    void section3_theJsonMustBeStrict(int version) throws Exception {
        try (TestClient client = TestClient.connected(server(), version)) {
            List<String> broken = List.of("\uFEFF{\"type\":\"ping\",\"rid\":1000}", "{\"type\":\"ping\",\"rid\":1000,}",
                    "{'type':'ping'}", "{\"type\":\"ping\",\"rid\":01}", "{\"type\":\"ping\",\"rid\":2,\"rid\":3}",
                    "{\"type\":\"ping\",\"x\":NaN}", "{\"type\":\"ping\"} {}", "{\"type\":\"ping\" /* c */}",
                    "{\"type\":\"ping\",\"x\":" + "[".repeat(16) + "]".repeat(16) + "}",
                    "{\"type\":\"ping\",\"x\":1" + "0".repeat(40) + "}");
            for (String payload : broken) {
                client.sendPayload(utf8(payload));
                nextErrorWithoutRid(client, "BAD_FRAME");
            }
            client.sendPayload(utf8("{\"type\":\"ping\",\"rid\":1002,\"x\":" + "[".repeat(15) + "]".repeat(15) + "}"));
            assertEquals("ping.ok", client.response(1002).type(), "16 levels of nesting are allowed");
        }
    }

    @Statement
    void section3_unknownFieldsAreIgnored(int version) throws Exception {
        try (TestClient client = TestClient.connected(server(), version)) {
            client.sendPayload(utf8("{\"rid\":1000,\"future\":{\"a\":[1,2]},\"type\":\"ping\",\"also\":null}"));
            assertEquals("ping.ok", client.response(1000).type());
        }
    }

    @Statement
    void section3_fieldValuesHaveTheirJsonTypeWithoutConversion(int version) throws Exception {
        String name = register("conv");
        try (TestClient client = loggedIn(name, version)) {
            for (String limit : List.of("\"5\"", "5.0", "1e1", "true")) {
                client.sendPayload(utf8("{\"type\":\"chat.history\",\"rid\":1000,\"peer\":\"" + name + "\",\"limit\":" + limit + "}"));
                assertEquals("BAD_REQUEST", errorCode(client, client.response(1000)), "limit " + limit);
            }
            client.sendPayload(utf8("{\"type\":\"chat.history\",\"rid\":1001,\"peer\":\"" + name + "\",\"limit\":5}"));
            assertEquals("chat.history.ok", client.response(1001).type());
        }
    }

    @Statement
    void section3_aBadRequestStartsWithTheTypeAndNamesTheField(int version) throws Exception {
        String name = register("wording");
        try (TestClient client = loggedIn(name, version)) {
            Frame limit = client.request(MessageTypes.CHAT_HISTORY,
                    client.codec.mapper().createObjectNode().put("peer", name).put("limit", 0));
            assertEquals("chat.history: field 'limit' must be between 1 and 200", errorMessage(client, limit));
            Frame hello = client.request(MessageTypes.HELLO, client.codec.mapper().createObjectNode().put("version", version));
            assertTrue(errorMessage(client, hello).startsWith("hello: "), hello.toString());
        }
        try (TestClient client = TestClient.connected(server(), version)) {
            assertEquals("auth.start.ok", client.request(MessageTypes.AUTH_START,
                    new AuthStart(name, Scram.nonce())).type());
            Frame proof = client.request(MessageTypes.AUTH_FINISH,
                    client.codec.mapper().createObjectNode().put("nonce", "whatever-nonce").put("proof", "not base64!"));
            String message = errorMessage(client, proof);
            assertTrue(message.startsWith("auth.finish: ") && message.contains("'proof'"), message);
            Frame displayName = client.request(MessageTypes.REGISTER, client.codec.mapper().createObjectNode()
                    .put("username", uniqueName("dn")).put("password", PASSWORD).put("displayName", "bell\u0007"));
            message = errorMessage(client, displayName);
            assertTrue(message.startsWith("account.register: ") && message.contains("'displayName'"), message);
        }
    }

    @Statement
    void section5_theResponseCarriesTheSameRidExactlyOnce(int version) throws Exception {
        try (TestClient client = TestClient.connected(server(), version)) {
            for (long rid : List.of(30L, 10L, 20L)) {
                client.sendPayload(utf8("{\"type\":\"ping\",\"rid\":" + rid + "}"));
            }
            client.sendPayload(utf8("{\"type\":\"presence.list\",\"rid\":40}"));
            for (long rid : List.of(30L, 10L, 20L)) {
                assertEquals("ping.ok", client.response(rid).type());
            }
            assertEquals("NOT_AUTHENTICATED", errorCode(client, client.response(40)), "an error answers with the rid too");
            assertFalse(client.receives(MessageTypes.ok(MessageTypes.PING), QUIET_MILLIS), "each request is answered once");
        }
    }

    @Statement
    void section5_aFrameWithoutRidGetsNoOk(int version) throws Exception {
        String name = register("norid");
        try (TestClient client = loggedIn(name, version)) {
            for (String ping : List.of("{\"type\":\"ping\"}", "{\"type\":\"ping\",\"rid\":null}", "{\"type\":\"ping\",\"rid\":0}")) {
                client.sendPayload(utf8(ping));
            }
            client.send(MessageTypes.CHAT_ACK, new ChatAck(List.of()));
            client.sendPayload(utf8("{\"type\":\"ping\",\"rid\":1000}"));
            assertEquals("ping.ok", client.response(1000).type());
            assertEquals("chat.ack.ok", client.request(MessageTypes.CHAT_ACK, new ChatAck(List.of())).type());
            assertFalse(client.receives(MessageTypes.ok(MessageTypes.PING), QUIET_MILLIS), "no ping.ok without a rid");
            assertFalse(client.receives(MessageTypes.ok(MessageTypes.CHAT_ACK), QUIET_MILLIS), "no chat.ack.ok without a rid");
        }
    }

    @Statement
    void section5_aFailedNotificationGetsAnErrorWithoutRid(int version) throws Exception {
        try (TestClient client = loggedIn(register("notify"), version)) {
            client.sendPayload(utf8("{\"type\":\"chat.ack\",\"messageIds\":\"all\"}"));
            Frame error = client.await(MessageTypes.ERROR);
            assertEquals(0, error.rid(), error.toString());
            assertEquals("BAD_REQUEST", errorCode(client, error));
        }
    }

    @Statement
    void section2_1_aBinaryFrameInVersionOneOrBeforeHelloOkIsBadFrame(int version) throws Exception {
        try (TestClient client = new TestClient(server())) {
            assertEquals("BAD_FRAME", errorCode(client, client.requestWithData(MessageTypes.PING, Map.of(), new byte[] { 1, 2 })),
                    "before hello.ok");
            client.hello(version);
            Frame binaryPing = client.requestWithData(MessageTypes.PING, Map.of(), new byte[] { 3 });
            if (version < 2) {
                assertEquals("BAD_FRAME", errorCode(client, binaryPing), "in a version-1 session");
            } else {
                assertEquals("ping.ok", binaryPing.type(), "a version-2 session may send binary frames; ping ignores the data");
            }
            assertEquals("ping.ok", client.request(MessageTypes.PING).type(), "the connection continues");
        }
    }
}
