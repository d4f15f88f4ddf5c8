package org.confab.protocol.messages;

import static org.confab.protocol.Wire.assertProtocolError;
import static org.confab.protocol.Wire.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.confab.protocol.ErrorCode;
import org.confab.protocol.FrameCodec;
import org.confab.protocol.ProtocolException;
import org.confab.protocol.messages.AdminMessages.OnlineList;
import org.confab.protocol.messages.AdminMessages.StatusReport;
import org.confab.protocol.messages.ClusterMessages.ClusterHealth;
import org.confab.protocol.messages.ClusterMessages.ClusterReport;
import org.confab.protocol.messages.ClusterMessages.NodeEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a client accepts from a server about its cluster: a single server's answers as they always
 * were, a node's answers with their new fields, and nothing unbounded or unprintable.
 */
class ClusterMessagesTest {
    private static final FrameCodec CODEC = new FrameCodec();
    private static final String NODE = "{\"node\":\"n1\",\"state\":\"SERVING\",\"sessions\":2,\"self\":true";

    private static <T> T read(String json, Class<T> type) throws ProtocolException {
        return CODEC.read(CODEC.decode(utf8(json)), type);
    }

    private static String rejected(String json, Class<?> type) {
        return assertProtocolError(ErrorCode.BAD_REQUEST, () -> read(json, type)).getMessage();
    }

    @Test
    void aSingleServersAnswersStillReadWithoutClusterFields() throws Exception {
        OnlineList online = read("{\"type\":\"admin.online.ok\",\"sessions\":[{\"sessionId\":1,\"username\":\"a\","
                + "\"address\":\"192.0.2.7:1\",\"loginTime\":5,\"idleSeconds\":0}]}", OnlineList.class);
        StatusReport status = read("{\"type\":\"admin.status.ok\",\"startedAt\":1,\"uptimeSeconds\":2,\"connections\":3,"
                + "\"sessionsOnline\":3,\"usersOnline\":2,\"accounts\":9,\"messagesToday\":0,\"database\":\"H2\","
                + "\"heapUsedBytes\":5,\"heapMaxBytes\":6}", StatusReport.class);

        assertNull(online.sessions().get(0).node());
        assertEquals(List.of(), online.missingNodes());
        assertNull(status.cluster());
    }

    @Test
    void aNodesAnswersCarryNodesHealthAndMissingNodesAndToleranceForNewFields() throws Exception {
        OnlineList online = read("{\"type\":\"admin.online.ok\",\"sessions\":[{\"sessionId\":1,\"username\":\"a\","
                + "\"address\":\"192.0.2.7:1\",\"loginTime\":5,\"idleSeconds\":0,\"node\":\"n-2\",\"future\":1}],"
                + "\"missingNodes\":[\"n3\"]}", OnlineList.class);
        ClusterReport report = read("{\"type\":\"admin.cluster.ok\",\"cluster\":\"confab\",\"self\":\"n1\",\"nodes\":["
                + NODE + ",\"clientAddress\":\"node1.example.org:7771\"},"
                + "{\"node\":\"n2\",\"state\":\"RESTARTING\",\"sessions\":0,\"self\":false,\"weight\":3}]}", ClusterReport.class);
        StatusReport status = read("{\"type\":\"admin.status.ok\",\"startedAt\":1,\"uptimeSeconds\":2,\"connections\":3,"
                + "\"sessionsOnline\":3,\"usersOnline\":2,\"accounts\":9,\"messagesToday\":0,\"database\":\"H2\","
                + "\"heapUsedBytes\":5,\"heapMaxBytes\":6,\"cluster\":{\"name\":\"confab\",\"self\":\"n1\","
                + "\"state\":\"DEGRADED\",\"nodes\":2,\"serving\":1}}", StatusReport.class);

        assertEquals("n-2", online.sessions().get(0).node());
        assertEquals(List.of("n3"), online.missingNodes());
        assertEquals(List.of(new NodeEntry("n1", "SERVING", 2, true, "node1.example.org:7771"),
                new NodeEntry("n2", "RESTARTING", 0, false, null)), report.nodes(), "a state a newer server knows is kept");
        assertEquals(1, report.serving());
        assertEquals(new ClusterHealth("confab", "n1", "DEGRADED", 2, 1), status.cluster());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // names the cluster bundle never gives: spaces, control and bidi characters, too long
        "\"node\":\"n 1\",\"state\":\"SERVING\",\"sessions\":0,\"self\":false",
        "\"node\":\"n1\\u202e\",\"state\":\"SERVING\",\"sessions\":0,\"self\":false",
        "\"node\":\"NODE_NAME_TOO_LONG\",\"state\":\"SERVING\",\"sessions\":0,\"self\":false",
        "\"node\":\"\",\"state\":\"SERVING\",\"sessions\":0,\"self\":false",
        "\"state\":\"SERVING\",\"sessions\":0,\"self\":false",
        // states are words in capitals, sessions not negative, addresses a host and port
        "\"node\":\"n1\",\"state\":\"serving\\nDEAD\",\"sessions\":0,\"self\":false",
        "\"node\":\"n1\",\"state\":\"SERVING\",\"sessions\":-1,\"self\":false",
        "\"node\":\"n1\",\"state\":\"SERVING\",\"sessions\":0,\"self\":false,\"clientAddress\":\"evil host:1\"",
        "\"node\":\"n1\",\"state\":\"SERVING\",\"sessions\":0,\"self\":false,\"clientAddress\":\"a\\u0007:1\"",
        "\"node\":\"n1\",\"state\":\"SERVING\",\"sessions\":0,\"self\":false,\"clientAddress\":\"LONG_ADDRESS\"",
    })
    void badNodesAreRefusedWithTheFieldNamed(String fields) {
        String json = "{\"type\":\"admin.cluster.ok\",\"cluster\":\"confab\",\"self\":\"n1\",\"nodes\":[{"
                + fields.replace("NODE_NAME_TOO_LONG", "n".repeat(ClusterMessages.MAX_NAME + 1))
                        .replace("LONG_ADDRESS", "a".repeat(ClusterMessages.MAX_CLIENT_ADDRESS) + ":1") + "}]}";
        String message = rejected(json, ClusterReport.class);
        assertTrue(message.startsWith("admin.cluster.ok: field 'nodes[0]."), message);
    }

    @Test
    void listsAreBoundedAndCountsConsistent() {
        String node = "{\"node\":\"n\",\"state\":\"SERVING\",\"sessions\":0,\"self\":false},";
        String tooMany = "{\"type\":\"admin.cluster.ok\",\"cluster\":\"c\",\"self\":\"n\",\"nodes\":["
                + node.repeat(ClusterMessages.MAX_NODES + 1).replaceAll(",$", "") + "]}";
        assertTrue(rejected(tooMany, ClusterReport.class).contains("'nodes' has more than 256 entries"));

        String missing = "{\"type\":\"admin.online.ok\",\"sessions\":[],\"missingNodes\":[\"n1\",\"n 2\"]}";
        assertTrue(rejected(missing, OnlineList.class).contains("'missingNodes'"));

        String status = "{\"type\":\"admin.status.ok\",\"startedAt\":1,\"uptimeSeconds\":2,\"connections\":3,"
                + "\"sessionsOnline\":3,\"usersOnline\":2,\"accounts\":9,\"messagesToday\":0,\"database\":\"H2\","
                + "\"heapUsedBytes\":5,\"heapMaxBytes\":6,\"cluster\":{\"name\":\"confab\",\"self\":\"n1\","
                + "\"state\":\"HEALTHY\",\"nodes\":2,\"serving\":3}}";
        assertTrue(rejected(status, StatusReport.class).contains("'cluster.serving' must be between 0 and 2"),
                rejected(status, StatusReport.class));
    }

    @Test
    void aLoginAnswerListsTheServingNodesCheckedAndASingleServersListsNone() throws Exception {
        String start = "{\"type\":\"auth.finish.ok\",\"username\":\"a\",\"displayName\":\"A\",\"admin\":false,"
                + "\"serverSignature\":\"c2ln\"";
        assertNull(read(start + "}", Messages.AuthOk.class).nodes(), "a server that runs alone");

        String fingerprint = "SHA256:Z2uLuEznJn3VIN7KSBHI8QpT5jY1LwaYf0L+QlrO3YA";
        Messages.AuthOk ok = read(start + ",\"nodes\":[{\"address\":\"192.0.2.11:7777\",\"fingerprint\":\"" + fingerprint
                + "\"},{\"address\":\"[2001:db8::1]:7777\"}]}", Messages.AuthOk.class);
        assertEquals(List.of(new ClusterMessages.NodeAddress("192.0.2.11:7777", fingerprint),
                new ClusterMessages.NodeAddress("[2001:db8::1]:7777", null)), ok.nodes());

        String badAddress = start + ",\"nodes\":[{\"address\":\"evil host:1\"}]}";
        assertTrue(rejected(badAddress, Messages.AuthOk.class).contains("'nodes[0].address' must be a host and port"), rejected(badAddress, Messages.AuthOk.class));
        String badFingerprint = start + ",\"nodes\":[{\"address\":\"h:1\",\"fingerprint\":\"SHA256:short\"}]}";
        assertTrue(rejected(badFingerprint, Messages.AuthOk.class).contains("'nodes[0].fingerprint'"),
                rejected(badFingerprint, Messages.AuthOk.class));
        String noAddress = start + ",\"nodes\":[{\"fingerprint\":\"" + fingerprint + "\"}]}";
        assertTrue(rejected(noAddress, Messages.AuthOk.class).contains("'nodes[0].address'"),
                rejected(noAddress, Messages.AuthOk.class));
        String tooMany = start + ",\"nodes\":[" + "{\"address\":\"h:1\"},".repeat(ClusterMessages.MAX_NODES)
                + "{\"address\":\"h:1\"}]}";
        assertTrue(rejected(tooMany, Messages.AuthOk.class).contains("'nodes'"), rejected(tooMany, Messages.AuthOk.class));
    }
}
