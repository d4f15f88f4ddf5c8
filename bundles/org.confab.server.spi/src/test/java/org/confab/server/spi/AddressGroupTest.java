package org.confab.server.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;

class AddressGroupTest {

    private static InetAddress address(String text) throws Exception {
        return InetAddress.getByName(text);
    }

    @Test
    void everyAddressOfOneIpv6Slash64IsOneGroup() throws Exception {
        InetAddress one = AddressGroup.of(address("2001:db8:1:2::1"), 64);
        assertEquals(address("2001:db8:1:2::"), one);
        assertEquals(one, AddressGroup.of(address("2001:db8:1:2:ffff:ffff:ffff:ffff"), 64));
        assertEquals(one, AddressGroup.of(address("2001:db8:1:2:1234:5678:9abc:def0"), 64));
        assertNotEquals(one, AddressGroup.of(address("2001:db8:1:3::1"), 64), "the next /64 is another group");
        assertEquals("2001:db8:1:2:0:0:0:0/64", AddressGroup.describe(address("2001:db8:1:2::9"), 64));
    }

    @Test
    void otherPrefixLengthsAndLoopback() throws Exception {
        assertEquals(address("2001:db8:1::"), AddressGroup.of(address("2001:db8:1:2::1"), 48));
        assertEquals(address("2001:db8:1:2::1"), AddressGroup.of(address("2001:db8:1:2::1"), 128));
        assertEquals(address("2001:db8:1:2:8000::"), AddressGroup.of(address("2001:db8:1:2:abcd::1"), 65));
        assertEquals(address("::"), AddressGroup.of(address("::1"), 64));
    }

    @Test
    void ipv4StaysOneHostEvenWhenCarriedInIpv6() throws Exception {
        assertEquals(address("192.0.2.7"), AddressGroup.of(address("192.0.2.7"), 64));
        assertNotEquals(AddressGroup.of(address("192.0.2.7"), 64), AddressGroup.of(address("192.0.2.8"), 64));
        InetAddress mapped = InetAddress.getByAddress(new byte[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, (byte) 192, 0, 2, 7 });
        assertEquals(address("192.0.2.7"), AddressGroup.of(mapped, 64));
        assertEquals("192.0.2.7", AddressGroup.describe(address("192.0.2.7"), 64));
    }
}
