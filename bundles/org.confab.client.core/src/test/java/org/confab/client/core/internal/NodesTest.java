package org.confab.client.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import org.confab.client.core.ServerAddress;
import org.junit.jupiter.api.Test;

class NodesTest {
    private static final Map<String, List<String>> DNS = Map.of(
            "cluster.test", List.of("10.0.0.1", "10.0.0.2", "10.0.0.3"),
            "single.test", List.of("10.0.0.9"));

    private static InetAddress[] lookUp(String host) throws UnknownHostException {
        List<String> records = DNS.get(host);
        if (records == null) {
            throw new UnknownHostException(host);
        }
        InetAddress[] addresses = new InetAddress[records.size()];
        for (int i = 0; i < addresses.length; i++) {
            addresses[i] = InetAddress.getByName(records.get(i)); // literals: no lookup
        }
        return addresses;
    }

    @Test
    void aNameWithSeveralRecordsStandsForOneNodePerAddress() {
        Nodes nodes = new Nodes(List.of(new ServerAddress("cluster.test", 7000), new ServerAddress("single.test", 7777),
                new ServerAddress("nowhere.test", 7777), new ServerAddress("::1", 7001)), NodesTest::lookUp);

        assertEquals(List.of(new ServerAddress("10.0.0.1", 7000), new ServerAddress("10.0.0.2", 7000),
                new ServerAddress("10.0.0.3", 7000), new ServerAddress("single.test", 7777),
                new ServerAddress("nowhere.test", 7777), new ServerAddress("::1", 7001)), nodes.inOrder());
    }

    @Test
    void literalAddressesAreNotLookedUp() {
        Nodes nodes = new Nodes(List.of(new ServerAddress("127.0.0.1", 1), new ServerAddress("::1", 2)), host -> {
            throw new AssertionError("looked up " + host);
        });

        assertEquals(2, nodes.count());
    }

    @Test
    void eachAttemptGoesToTheNodeAfterTheOneTriedLastAndWrapsAround() {
        ServerAddress a = new ServerAddress("127.0.0.1", 1);
        ServerAddress b = new ServerAddress("127.0.0.1", 2);
        ServerAddress c = new ServerAddress("127.0.0.1", 3);
        Nodes nodes = new Nodes(List.of(a, b, c), NodesTest::lookUp);

        assertEquals(a, nodes.next(), "nothing tried yet: the first");
        nodes.tried(b); // the connection that was lost was to b
        assertEquals(c, nodes.next());
        assertEquals(a, nodes.next());
        assertEquals(b, nodes.next());
    }
}
