package org.confab.bench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class SourceAddressesTest {

    private static String failure(String value) {
        return assertThrows(IllegalArgumentException.class, () -> SourceAddresses.parse(value)).getMessage();
    }

    @Test
    void aCountMeansTheFirstLoopbackAddressesTakenRoundRobin() throws Exception {
        SourceAddresses three = SourceAddresses.parse("3");
        assertEquals(List.of("127.0.0.1", "127.0.0.2", "127.0.0.3"), three.used(10));
        assertEquals(InetAddress.getByName("127.0.0.1"), three.forSession(0));
        assertEquals(InetAddress.getByName("127.0.0.2"), three.forSession(1));
        assertEquals(InetAddress.getByName("127.0.0.3"), three.forSession(2));
        assertEquals(InetAddress.getByName("127.0.0.1"), three.forSession(3));
        assertEquals(List.of("127.0.0.1", "127.0.0.2"), three.used(2), "two sessions use two sources");
        assertEquals(4, three.perSource(10));
        assertEquals(List.of("127.0.0.1"), SourceAddresses.parse("1").used(5));
        assertEquals("127.0.0.254", SourceAddresses.parse("254").forSession(253).getHostAddress());
    }

    @Test
    void aListIsTakenAsWrittenInOrder() {
        SourceAddresses listed = SourceAddresses.parse("127.0.0.5, 127.0.0.9,::1");
        assertEquals(List.of("127.0.0.5", "127.0.0.9", "0:0:0:0:0:0:0:1"), listed.used(3));
        assertEquals("127.0.0.9", listed.forSession(4).getHostAddress());
        assertEquals(List.of("127.0.0.2"), SourceAddresses.parse("127.0.0.2").used(1));
    }

    @Test
    void withoutTheOptionTheSystemChooses() {
        SourceAddresses none = SourceAddresses.of(new Options(List.of("--sessions", "10")));
        assertNull(none.forSession(7));
        assertEquals(List.of(), none.used(10));
        assertEquals(10, none.perSource(10));
        assertEquals(List.of("127.0.0.1", "127.0.0.2"),
                SourceAddresses.of(new Options(List.of("--sources", "2"))).used(2));
    }

    @Test
    void badValuesAreRefusedSayingWhy() {
        assertTrue(failure("0").contains("between 1 and 254"), failure("0"));
        assertTrue(failure("255").contains("between 1 and 254"), failure("255"));
        assertTrue(failure("99999999999").contains("between 1 and 254"));
        assertTrue(failure("-2").contains("'-2' is neither"), failure("-2"));
        assertTrue(failure("localhost").contains("'localhost' is neither"), "no host names (no DNS lookups)");
        assertTrue(failure("127.0.0.256").contains("'127.0.0.256' is neither"));
        assertTrue(failure("127.0.0.1,,127.0.0.2").contains("no empty entries"));
        assertTrue(failure("127.0.0.1,").contains("no empty entries"));
        assertTrue(failure("127.0.0.2,127.0.0.2").contains("127.0.0.2 twice"));
        assertTrue(failure("0.0.0.0").contains("cannot be a source address"));
        assertTrue(failure("224.0.0.1").contains("cannot be a source address"));
        assertTrue(failure("::g").contains("'::g' is neither"));
    }

    @Test
    void tooManySessionsPerSourceAreWarnedAbout() {
        int ports = SourceAddresses.ephemeralPorts();
        if (ports > 0) {
            assertEquals("", SourceAddresses.parse("2").portWarning(2 * ports));
            String warning = SourceAddresses.parse("2").portWarning(2 * ports + 1);
            assertTrue(warning.contains("use --sources 3"), warning);
        }
    }

    @Test
    void aBadValueIsAUsageErrorBeforeAnyConnection() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ConfabBench.run(List.of("connect", "--sessions", "5", "--sources", "many"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, status);
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.startsWith("bench: --sources takes a count"), message);
        assertTrue(message.contains("--limits-exempt"), "the usage names what the server needs: " + message);
    }

    @Test
    void listsAreReportedCommaSeparatedInTextAndAsArraysInJson() {
        Report report = new Report().put("sources", List.of("127.0.0.1", "127.0.0.2")).put("none", List.of());
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        report.print(new PrintStream(text, true, StandardCharsets.UTF_8), false);
        assertEquals("sources=127.0.0.1,127.0.0.2  none=-", text.toString(StandardCharsets.UTF_8).strip());
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        report.print(new PrintStream(json, true, StandardCharsets.UTF_8), true);
        assertEquals("{\"sources\":[\"127.0.0.1\",\"127.0.0.2\"],\"none\":[]}", json.toString(StandardCharsets.UTF_8).strip());
    }
}
