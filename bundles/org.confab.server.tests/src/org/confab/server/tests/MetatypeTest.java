package org.confab.server.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

/**
 * The server's configuration is described by metatype end to end: the metatype runtime of the server
 * feature serves, for every configuration PID, the keys and defaults of its configuration type, so a
 * console or an administration UI can show and check them.
 */
class MetatypeTest {
    private record Described(String bundle, String pid, String configType) {
    }

    private static final List<Described> CONFIGURATIONS = List.of(
            new Described("org.confab.server.transport", "org.confab.server.transport",
                    "org.confab.server.transport.internal.TransportConfig"),
            new Described("org.confab.server.sessions", "org.confab.server.sessions",
                    "org.confab.server.sessions.internal.SessionsConfig"),
            new Described("org.confab.server.accounts", "org.confab.server.accounts",
                    "org.confab.server.accounts.internal.AccountsConfig"),
            new Described("org.confab.server.router", "org.confab.server.limits",
                    "org.confab.server.router.internal.LimitsConfig"),
            new Described("org.confab.server.persistence", "org.confab.server.database",
                    "org.confab.server.persistence.internal.DatabaseConfig"),
            new Described("org.confab.server.attachments", "org.confab.server.attachments",
                    "org.confab.server.attachments.internal.AttachmentsConfig"));

    private final BundleContext context = FrameworkUtil.getBundle(MetatypeTest.class).getBundleContext();

    @Test
    void theDocumentedKeysAndDefaultsAreServedForEveryPid() throws Exception {
        assertDefault("org.confab.server.transport", "port", "7777");
        assertDefault("org.confab.server.transport", "bindAddress", "0.0.0.0");
        assertDefault("org.confab.server.transport", "maxFrameBytes", "1048576");
        assertDefault("org.confab.server.transport", "tls", "true");
        assertDefault("org.confab.server.transport", "tlsProtocols", "TLSv1.3");
        assertDefault("org.confab.server.sessions", "heartbeatSeconds", "30");
        assertDefault("org.confab.server.sessions", "idleTimeoutSeconds", "90");
        assertDefault("org.confab.server.accounts", "registrationPolicy", "OPEN");
        assertDefault("org.confab.server.accounts", "scramIterations", "100000");
        assertDefault("org.confab.server.limits", "requestsPerSecond", "20");
        assertDefault("org.confab.server.limits", "requestBurst", "100");
        assertDefault("org.confab.server.database", "url", "");
        assertDefault("org.confab.server.attachments", "maxFileBytes", String.valueOf(4L << 30));
        assertDefault("org.confab.server.attachments", "chunkBytes", "262144");
        assertDefault("org.confab.server.attachments", "retention", "P7D");
        assertDefault("org.confab.server.database", "passwordEnvironmentVariable", "CONFAB_DB_PASSWORD");

        AttributeDefinition policy = attributes(find("org.confab.server.accounts")).get("registrationPolicy");
        assertEquals(List.of("OPEN", "ADMIN_ONLY"), List.of(policy.getOptionValues()), "an enum offers its values");
        assertEquals(AttributeDefinition.INTEGER, attributes(find("org.confab.server.transport")).get("port").getType());
    }

    @Test
    void everyMethodOfEveryConfigurationTypeIsDescribedWithItsDefault() throws Exception {
        for (Described described : CONFIGURATIONS) {
            Map<String, AttributeDefinition> attributes = attributes(described);
            Class<?> type = bundle(described.bundle()).loadClass(described.configType());
            Map<String, String> expected = new LinkedHashMap<>();
            for (Method method : type.getDeclaredMethods()) {
                expected.put(method.getName(), text(method.getDefaultValue()));
            }
            assertEquals(expected.keySet(), attributes.keySet(), described.pid());
            for (Map.Entry<String, String> key : expected.entrySet()) {
                String[] defaults = attributes.get(key.getKey()).getDefaultValue();
                assertEquals(key.getValue(), defaults == null ? "" : String.join(",", defaults),
                        described.pid() + " " + key.getKey());
            }
        }
    }

    @Test
    void everyAttributeIsDescribedForPeople() throws Exception {
        for (Described described : CONFIGURATIONS) {
            ObjectClassDefinition definition = find(described.pid());
            assertTrue(definition.getName().startsWith("Confab "), definition.getName());
            for (AttributeDefinition attribute : attributes(described).values()) {
                assertNotNull(attribute.getDescription(), described.pid() + " " + attribute.getID());
                assertTrue(!attribute.getDescription().isBlank(), described.pid() + " " + attribute.getID());
            }
        }
    }

    private void assertDefault(String pid, String key, String expected) throws Exception {
        AttributeDefinition attribute = attributes(find(pid)).get(key);
        assertNotNull(attribute, pid + " has no " + key);
        String[] defaults = attribute.getDefaultValue();
        assertArrayEquals(expected.isEmpty() ? new String[] {""} : expected.split(","),
                defaults == null || defaults.length == 0 ? new String[] {""} : defaults, pid + " " + key);
    }

    private ObjectClassDefinition find(String pid) throws Exception {
        Described described = CONFIGURATIONS.stream().filter(d -> d.pid().equals(pid)).findFirst().orElseThrow();
        MetaTypeService metatype = Services.await(MetaTypeService.class, 30_000);
        MetaTypeInformation information = metatype.getMetaTypeInformation(bundle(described.bundle()));
        assertNotNull(information, described.bundle() + " has no metatype information");
        assertTrue(Arrays.asList(information.getPids()).contains(pid),
                described.bundle() + " describes " + Arrays.toString(information.getPids()) + ", not " + pid);
        return information.getObjectClassDefinition(pid, null);
    }

    private Map<String, AttributeDefinition> attributes(Described described) throws Exception {
        return attributes(find(described.pid()));
    }

    private static Map<String, AttributeDefinition> attributes(ObjectClassDefinition definition) {
        return Arrays.stream(definition.getAttributeDefinitions(ObjectClassDefinition.ALL))
                .collect(Collectors.toMap(AttributeDefinition::getID, a -> a, (a, b) -> a, LinkedHashMap::new));
    }

    private Bundle bundle(String symbolicName) {
        return Arrays.stream(context.getBundles()).filter(b -> b.getSymbolicName().equals(symbolicName)).findFirst()
                .orElseThrow(() -> new AssertionError("no bundle " + symbolicName));
    }

    /** A default as metatype writes it: arrays joined by commas, enums by name. */
    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value.getClass().isArray()) {
            return IntStream.range(0, Array.getLength(value)).mapToObj(i -> text(Array.get(value, i)))
                    .collect(Collectors.joining(","));
        }
        return value instanceof Enum<?> constant ? constant.name() : value.toString();
    }
}
