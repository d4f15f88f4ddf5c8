package org.confab.server.boot.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Dictionary;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

    @Test
    void mapsSetPropertiesToTheirPidsWithTypes() {
        Map<String, String> properties = Map.of("confab.port", "9000", "confab.bind", "127.0.0.1",
                "confab.idleTimeout", " 15 ", "confab.db.url", "jdbc:mysql://db/confab");
        Map<String, Dictionary<String, Object>> updates = LaunchOptions.updates(properties::get);

        assertEquals(9000, updates.get("org.confab.server.transport").get("port"));
        assertEquals("127.0.0.1", updates.get("org.confab.server.transport").get("bindAddress"));
        assertEquals(15, updates.get("org.confab.server.sessions").get("idleTimeoutSeconds"));
        assertEquals("jdbc:mysql://db/confab", updates.get("org.confab.server.database").get("url"));
        assertEquals(3, updates.size());
    }

    @Test
    void builtInPluginsMakeTheTransportWaitForTheirCondition() {
        Dictionary<String, Object> transport = LaunchOptions.updates(
                name -> name.equals("confab.plugins.builtIn") ? "org.confab.filetransfer.server.feature" : null)
                .get("org.confab.server.transport");
        assertEquals("(osgi.condition.id=confab.plugins.builtIn)", transport.get("startCondition.target"));
        assertTrue(LaunchOptions.updates(name -> name.equals("confab.plugins.builtIn") ? " " : null).isEmpty(),
                "no built-in plugins: nothing to wait for");
    }

    @Test
    void aClusterNodeWaitsForItsLoginGateToo() {
        Dictionary<String, Object> alone = LaunchOptions.updates(
                name -> name.equals("confab.cluster.url") ? "nats://127.0.0.1:4222" : null).get("org.confab.server.transport");
        assertEquals("(osgi.condition.id=confab.cluster.loginGate)", alone.get("startCondition.target"));
        assertEquals(null, alone.get("startCondition.cardinality.minimum"), "one condition: the default minimum of one");

        Map<String, String> both = Map.of("confab.cluster.url", "nats://127.0.0.1:4222",
                "confab.plugins.builtIn", "org.confab.filetransfer.server.feature");
        Dictionary<String, Object> transport = LaunchOptions.updates(both::get).get("org.confab.server.transport");
        assertEquals("(|(osgi.condition.id=confab.plugins.builtIn)(osgi.condition.id=confab.cluster.loginGate))",
                transport.get("startCondition.target"));
        assertEquals(2, transport.get("startCondition.cardinality.minimum"), "both conditions, not either");
    }

    @Test
    void clusterReplicasAndDeadTimeAreNumbers() {
        Map<String, String> properties = Map.of("confab.cluster.replicas", "3", "confab.cluster.deadAfterMillis", "8000");
        Dictionary<String, Object> cluster = LaunchOptions.updates(properties::get).get("org.confab.server.cluster");
        assertEquals(3, cluster.get("replicas"));
        assertEquals(8000L, cluster.get("deadAfterMillis"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LaunchOptions.updates(name -> name.equals("confab.cluster.replicas") ? "three" : null));
        assertTrue(e.getMessage().contains("confab.cluster.replicas"), e.getMessage());
    }

    @Test
    void unsetPropertiesLeaveConfigurationAlone() {
        assertTrue(LaunchOptions.updates(name -> null).isEmpty());
    }

    @Test
    void rejectsNonNumericPortNamingTheOption() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LaunchOptions.updates(name -> name.equals("confab.port") ? "eighty" : null));
        assertTrue(e.getMessage().contains("confab.port"), e.getMessage());
    }

    @Test
    void tlsSwitchIsABooleanAndNothingElse() {
        assertEquals(false, LaunchOptions.updates(name -> name.equals("confab.tls") ? "false" : null)
                .get("org.confab.server.transport").get("tls"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LaunchOptions.updates(name -> name.equals("confab.tls") ? "off" : null));
        assertTrue(e.getMessage().contains("confab.tls"), e.getMessage());
    }

    @Test
    void attachmentLimitsAreLongsBeyondTwoGigabytes() {
        Map<String, String> properties = Map.of("confab.attachments.maxFileBytes", "5000000000",
                "confab.attachments.quotaBytes", "1048576", "confab.attachments.diskFloorBytes", "0",
                "confab.attachments.chunkBytes", "65536", "confab.attachments.retention", "PT12H");
        Dictionary<String, Object> attachments = LaunchOptions.updates(properties::get).get("org.confab.server.attachments");
        assertEquals(5_000_000_000L, attachments.get("maxFileBytes"));
        assertEquals(1_048_576L, attachments.get("quotaBytes"));
        assertEquals(0L, attachments.get("diskFloorBytes"));
        assertEquals(65536, attachments.get("chunkBytes"));
        assertEquals("PT12H", attachments.get("retention"), "durations pass as text; the attachment store checks them");
        assertThrows(IllegalArgumentException.class,
                () -> LaunchOptions.updates(name -> name.equals("confab.attachments.quotaBytes") ? "1 GB" : null));
    }

    /** Before, a --limits-exempt given once stayed in the data directory's configuration for every later start. */
    @Test
    void whatTheLastLaunchSetIsGoneWhenThisLaunchDoesNotSetIt() {
        Dictionary<String, Object> first = LaunchOptions.merge(null,
                LaunchOptions.updates(Map.of("confab.limits.exempt", "10.0.0.1", "confab.limits.requestBurst", "500")::get)
                        .get("org.confab.server.limits"));
        first.put("trackedKeys", 5000); // set by an operator through Configuration Admin, not by a launch
        Dictionary<String, Object> second = LaunchOptions.merge(first,
                LaunchOptions.updates(Map.of("confab.limits.requestBurst", "300")::get).get("org.confab.server.limits"));
        assertEquals(null, second.get("exemptAddresses"), "not given this time: not in force");
        assertEquals(300, second.get("requestBurst"));
        assertEquals(5000, second.get("trackedKeys"), "what the operator configured stays");
        Dictionary<String, Object> third = LaunchOptions.merge(second, new java.util.Hashtable<>());
        assertEquals(null, third.get("requestBurst"));
        assertEquals(null, third.get(LaunchOptions.LAUNCH_KEYS));
        assertEquals(5000, third.get("trackedKeys"));
        assertEquals(null, LaunchOptions.merge(third, new java.util.Hashtable<>()), "nothing to change");
    }
}
