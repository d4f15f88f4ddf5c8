package org.confab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Finding the server on the LAN, on loopback: the real server product announces itself over multicast DNS
 * and {@code ./confab cli discover} finds it with the certificate fingerprint and port the server logged;
 * a server started with {@code --no-announce} is not found; a stopped server is no longer found.
 */
class LanDiscoveryTest {
    private static final Map<String, String> ADMIN = Map.of("CONFAB_ADMIN_PASSWORD", "keeper of the lan keys");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theCliFindsAnAnnouncingServerWithItsFingerprintAndNotASilentOne() throws Exception {
        String name = "E2E LAN " + UUID.randomUUID().toString().substring(0, 8);
        try (ServerProcess announcing = ServerProcess.start(Processes.freshDirectory("lan-announcing"), ADMIN,
                "--announce-name", name);
                ServerProcess silent = ServerProcess.start(Processes.freshDirectory("lan-silent"), ADMIN,
                        "--no-announce", "--announce-name", name + " silent")) {
            announcing.awaitLog("announcing _confab._tcp.local. as '" + name + "' on 127.0.0.1", 30);
            silent.awaitLog("LAN announcement is off", 30);

            JsonNode found = awaitServer(name, 60).orElseThrow(() -> new AssertionError(
                    "discover did not find '" + name + "' within 60 s"));
            assertEquals("127.0.0.1:" + announcing.port, found.get("address").asText());
            assertEquals(announcing.port, found.get("port").asInt());
            assertEquals(announcing.fingerprint, found.get("fingerprint").asText(),
                    "the announced fingerprint is the one the server logged");
            assertTrue(found.get("tls").asBoolean());
            assertEquals(2, found.get("protocolVersion").asInt());

            List<JsonNode> all = discover();
            assertFalse(all.stream().anyMatch(server -> server.get("port").asInt() == silent.port),
                    "the --no-announce server was found: " + all);

            assertEquals(0, announcing.terminate(30));
            announcing.awaitLog("stopped announcing on the LAN", 1);
            List<JsonNode> after = discover();
            assertFalse(after.stream().anyMatch(server -> server.get("port").asInt() == announcing.port),
                    "a stopped server is still found: " + after);
        }
    }

    /** Browses until a server of this name is heard: the first announcement may follow the log line. */
    private static Optional<JsonNode> awaitServer(String name, long timeoutSeconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (System.nanoTime() < deadline) {
            for (JsonNode server : discover()) {
                if (server.get("name").asText().equals(name)) {
                    return Optional.of(server);
                }
            }
        }
        return Optional.empty();
    }

    private static List<JsonNode> discover() throws Exception {
        Processes.Result result = Processes.run(Map.of(), "cli", "discover", "--json", "--timeout", "3",
                "--interface", "127.0.0.1");
        assertEquals(0, result.exitCode(), result.toString());
        List<JsonNode> servers = new ArrayList<>();
        for (String line : result.stdout().lines().toList()) {
            servers.add(JSON.readTree(line));
        }
        return servers;
    }
}
