package org.confab.client.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

class ServerAddressTest {

    @Test
    void parsesHostPortIpv6AndTheDefaultPort() {
        assertEquals(new ServerAddress("h", 7777), ServerAddress.parse("h"));
        assertEquals(new ServerAddress("10.0.0.1", 80), ServerAddress.parse(" 10.0.0.1:80 "));
        assertEquals(new ServerAddress("::1", 7000), ServerAddress.parse("[::1]:7000"));
        assertEquals(new ServerAddress("::1", 7777), ServerAddress.parse("::1"));
        assertEquals("[::1]:7000", ServerAddress.parse("[::1]:7000").toString());
    }

    @Test
    void refusesBadAddressesNamingThem() {
        for (String bad : List.of("h:0", "h:65536", "h:port", ":80", "[::1", "[::1]x", "", "a b:1")) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> ServerAddress.parse(bad));
            assertTrue(refused.getMessage().contains("'"), refused.getMessage());
        }
    }

    @Test
    void aListKeepsItsOrderDropsRepeatsAndReadsBackItsTextForm() {
        List<ServerAddress> nodes = ServerAddress.parseList("n1:7771, n2:7772 ,n3,n1:7771");

        assertEquals(List.of(new ServerAddress("n1", 7771), new ServerAddress("n2", 7772), new ServerAddress("n3", 7777)),
                nodes);
        assertEquals("n1:7771,n2:7772,n3:7777", ServerAddress.format(nodes));
        assertEquals(nodes, ServerAddress.parseList(ServerAddress.format(nodes)));
    }

    @Test
    void aListIsBoundedAndHasNoEmptyEntries() {
        String seventeen = String.join(",", Collections.nCopies(ServerAddress.MAX_LIST + 1, "h"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ServerAddress.parseList(seventeen)).getMessage()
                .contains("at most 16"));
        assertThrows(IllegalArgumentException.class, () -> ServerAddress.parseList("a,,b"));
        assertThrows(IllegalArgumentException.class, () -> ServerAddress.parseList("a,"));
        assertThrows(IllegalArgumentException.class, () -> ServerAddress.parseList(""));
        assertThrows(IllegalArgumentException.class, () -> ClientOptions.of(List.of()));
    }
}
