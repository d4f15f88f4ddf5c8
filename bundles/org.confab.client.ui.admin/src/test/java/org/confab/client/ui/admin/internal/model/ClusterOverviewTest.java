package org.confab.client.ui.admin.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.confab.protocol.messages.ClusterMessages.ClusterHealth;
import org.confab.protocol.messages.ClusterMessages.ClusterReport;
import org.confab.protocol.messages.ClusterMessages.NodeEntry;
import org.junit.jupiter.api.Test;

class ClusterOverviewTest {
    private static final ClusterReport REPORT = new ClusterReport("confab", "n1", List.of(
            new NodeEntry("n1", "SERVING", 2, true, "192.0.2.1:7771"), new NodeEntry("n2", "SERVING", 1, false, null),
            new NodeEntry("n3", "DEAD", 0, false, null)));

    @Test
    void aServerThatRunsAloneSaysSoAndListsNoNodes() {
        assertEquals("This server runs alone: not part of a cluster.", ClusterOverview.alone().summary());
        assertEquals(List.of(), ClusterOverview.alone().nodes());
        assertEquals("None: this server runs alone", ClusterOverview.status(Optional.empty()));
    }

    @Test
    void aClusterNodeSummarisesItsNodesWithTheHealthWhenTheStatusHasIt() {
        ClusterHealth health = new ClusterHealth("confab", "n1", "DEGRADED", 3, 2);

        assertEquals("Cluster confab: DEGRADED, 2 of 3 nodes serving. Answered by n1.",
                new ClusterOverview(Optional.of(REPORT), Optional.of(health)).summary());
        assertEquals("Cluster confab: 2 of 3 nodes serving. Answered by n1.",
                new ClusterOverview(Optional.of(REPORT), Optional.empty()).summary());
        assertEquals("confab: DEGRADED, 2 of 3 nodes serving (this node: n1)", ClusterOverview.status(Optional.of(health)));
        assertEquals(List.of("n1 (this node)", "n2", "n3"), REPORT.nodes().stream().map(ClusterOverview::name).toList());
    }

    @Test
    void missingNodesAreAWarningOnlyWhenThereAreAny() {
        assertEquals(Optional.empty(), ClusterOverview.missing(List.of()));
        assertEquals(Optional.of("No answer in time from node n3: its sessions are missing from this list."),
                ClusterOverview.missing(List.of("n3")));
        assertEquals(Optional.of("No answer in time from nodes n2, n3: their sessions are missing from this list."),
                ClusterOverview.missing(List.of("n2", "n3")));
    }
}
