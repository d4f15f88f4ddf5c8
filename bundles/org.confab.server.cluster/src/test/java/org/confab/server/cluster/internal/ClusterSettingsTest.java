package org.confab.server.cluster.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ClusterSettingsTest {

    @Test
    void withoutAnUrlThereIsNoCluster() {
        assertFalse(ClusterSettings.from(Map.of()).enabled());
        assertFalse(ClusterSettings.from(Map.of("url", " ", "node", "")).enabled());
    }

    @Test
    void namesBecomeSubjectsSoTheyAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> ClusterSettings.from(Map.of("url", "nats://h:4222", "node", "a.b")));
        assertThrows(IllegalArgumentException.class,
                () -> ClusterSettings.from(Map.of("url", "nats://h:4222", "node", "n1", "name", "x y")));
        ClusterSettings settings = ClusterSettings.from(Map.of("url", "nats://h:4222", "node", "n1", "name", "demo"));
        assertEquals("confab.demo.node.n1", settings.nodeSubject("n1"));
        assertEquals("confab.demo.all", settings.subject("all"));
    }

    @Test
    void aNodeIsNotDeclaredDeadBeforeThreeMissedHeartbeats() {
        ClusterSettings settings = ClusterSettings.from(
                Map.of("url", "nats://h:4222", "node", "n1", "heartbeatMillis", 1000, "deadAfterMillis", "1500"));
        assertEquals(3000, settings.deadAfterMillis());
    }

    @Test
    void theClientAddressIsHostAndPort() {
        assertEquals("10.0.0.7:7771", ClusterSettings.from(
                Map.of("url", "nats://h:4222", "node", "n1", "clientAddress", "10.0.0.7:7771")).clientAddress());
        assertEquals("[2001:db8::7]:7771", ClusterSettings.from(
                Map.of("url", "nats://h:4222", "node", "n1", "clientAddress", "[2001:db8::7]:7771")).clientAddress());
        assertEquals("", ClusterSettings.from(Map.of("url", "nats://h:4222", "node", "n1")).clientAddress());
        assertThrows(IllegalArgumentException.class, () -> ClusterSettings.from(
                Map.of("url", "nats://h:4222", "node", "n1", "clientAddress", "host without port")));
    }
}
