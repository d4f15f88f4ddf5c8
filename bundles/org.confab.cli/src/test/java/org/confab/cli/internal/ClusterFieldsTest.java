package org.confab.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

import org.confab.protocol.messages.AdminMessages.OnlineSession;
import org.confab.protocol.messages.AdminMessages.StatusReport;
import org.confab.protocol.messages.ClusterMessages.ClusterHealth;
import org.confab.protocol.messages.ClusterMessages.ClusterReport;
import org.confab.protocol.messages.ClusterMessages.NodeEntry;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** What {@code admin cluster}, {@code admin online} and {@code admin status} print about a cluster, in both modes. */
class ClusterFieldsTest {
    private static final long T0 = 1_764_000_000_000L; // 2025-11-24T16:00:00Z
    private static final ClusterReport REPORT = new ClusterReport("confab", "n1", List.of(
            new NodeEntry("n1", "SERVING", 12, true, "192.0.2.1:7771"),
            new NodeEntry("n2", "SERVING", 3, false, "[2001:db8::2]:7772"),
            new NodeEntry("n3", "DEAD", 0, false, null)));
    private static final String NL = System.lineSeparator();

    private static String print(boolean json, Consumer<Output> printing) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        printing.accept(new Output(new PrintStream(bytes, true, StandardCharsets.UTF_8), json));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static void nodes(Output output) {
        output.text(ClusterFields.summary(REPORT));
        output.table(ClusterFields.NODE_HEADER, REPORT.nodes(), ClusterFields::nodeRow, n -> ClusterFields.node(REPORT, n));
    }

    @Test
    void theNodesAsATableWithThisNodeMarked() {
        assertEquals(String.join(NL,
                "cluster confab: 2 of 3 nodes serving, answered by n1",
                "NODE  STATE    SESSIONS  CLIENT ADDRESS",
                "n1    SERVING  12        192.0.2.1:7771      (this node)",
                "n2    SERVING  3         [2001:db8::2]:7772",
                "n3    DEAD     0         -") + NL, print(false, ClusterFieldsTest::nodes));
    }

    @Test
    void theNodesAsJsonOneObjectEachWithTheClusterAndNoAbsentAddress() throws Exception {
        List<String> lines = print(true, ClusterFieldsTest::nodes).lines().toList();

        assertEquals(3, lines.size());
        assertEquals("{\"cluster\":\"confab\",\"node\":\"n1\",\"state\":\"SERVING\",\"sessions\":12,\"self\":true,"
                + "\"clientAddress\":\"192.0.2.1:7771\"}", lines.get(0));
        assertEquals("{\"cluster\":\"confab\",\"node\":\"n3\",\"state\":\"DEAD\",\"sessions\":0,\"self\":false}", lines.get(2));
        assertEquals("{\"standalone\":true}", new ObjectMapper().writeValueAsString(ClusterFields.alone()));
    }

    @Test
    void sessionsGetANodeColumnOnlyWhenTheyHaveNodes() throws Exception {
        OnlineSession alone = new OnlineSession(17, "alice", "192.0.2.7:50412", T0, 4, null);
        OnlineSession onNode = new OnlineSession(18, "bob", "192.0.2.8:1", T0, 0, "confab-cli/0.1", "n2");

        assertEquals(AdminFields.SESSION_HEADER, ClusterFields.sessionHeader(false));
        assertEquals(List.of("USERNAME", "ADDRESS", "SINCE", "IDLE", "CLIENT", "NODE"), ClusterFields.sessionHeader(true));
        assertEquals(List.of("alice", "192.0.2.7:50412", "2025-11-24T16:00:00Z", "4 s", "", ""),
                ClusterFields.withNode(AdminFields.sessionRow(alone), alone.node()));
        assertEquals("{\"sessionId\":18,\"username\":\"bob\",\"address\":\"192.0.2.8:1\",\"since\":\"2025-11-24T16:00:00Z\","
                + "\"idleSeconds\":0,\"client\":\"confab-cli/0.1\",\"node\":\"n2\"}",
                new ObjectMapper().writeValueAsString(AdminFields.session(onNode)));
        assertEquals("warning: no answer in time from node n3: its sessions are not listed",
                ClusterFields.missingText(List.of("n3")));
        assertEquals("warning: no answer in time from nodes n3, n4: their sessions are not listed",
                ClusterFields.missingText(List.of("n3", "n4")));
    }

    @Test
    void statusReportsClusterHealthOrThatTheServerRunsAlone() throws Exception {
        StatusReport single = new StatusReport(T0, 60, 1, 1, 1, 2, 0, "H2 2.3.232", 1, 2);
        StatusReport node = new StatusReport(T0, 60, 1, 1, 1, 2, 0, "MariaDB 11.4", 1, 2,
                new ClusterHealth("confab", "n1", "DEGRADED", 3, 2));

        assertEquals("cluster:          none (this server runs alone)", AdminFields.statusText(single).lines().toList().getLast());
        assertEquals("cluster:          confab DEGRADED, 2 of 3 nodes serving, this node n1",
                AdminFields.statusText(node).lines().toList().getLast());
        String json = new ObjectMapper().writeValueAsString(AdminFields.status(node));
        assertEquals(true, json.endsWith(",\"database\":\"MariaDB 11.4\",\"cluster\":{\"name\":\"confab\",\"self\":\"n1\","
                + "\"state\":\"DEGRADED\",\"nodes\":3,\"serving\":2}}"), json);
        assertEquals(false, new ObjectMapper().writeValueAsString(AdminFields.status(single)).contains("cluster"));
    }
}
