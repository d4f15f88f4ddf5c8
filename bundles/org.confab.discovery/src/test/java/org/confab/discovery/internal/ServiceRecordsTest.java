package org.confab.discovery.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.confab.discovery.DnsSd;
import org.confab.discovery.FoundServer;
import org.confab.protocol.Fingerprint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Records as an attacker on the LAN could send them: each bad field drops the whole record. */
class ServiceRecordsTest {
    private static final Fingerprint FINGERPRINT = Fingerprint.of("a certificate".getBytes(StandardCharsets.UTF_8));

    private static Map<String, byte[]> txt(Map<String, String> values) {
        Map<String, byte[]> txt = new HashMap<>();
        values.forEach((key, value) -> txt.put(key, value.getBytes(StandardCharsets.UTF_8)));
        return txt;
    }

    private static Map<String, String> good() {
        return new HashMap<>(DnsSd.txt("Office server", Optional.of(FINGERPRINT), 2));
    }

    private static Announced record(Map<String, String> values, String... addresses) throws Exception {
        List<InetAddress> list = new java.util.ArrayList<>();
        for (String address : addresses.length == 0 ? new String[] { "192.168.1.20" } : addresses) {
            list.add(InetAddress.getByName(address));
        }
        return new Announced("instance", list, 7777, txt(values));
    }

    private static Optional<FoundServer> validate(Map<String, String> values) throws Exception {
        return ServiceRecords.validate(record(values));
    }

    @Test
    void aGoodRecordGivesEveryField() throws Exception {
        FoundServer server = validate(good()).orElseThrow();
        assertEquals("Office server", server.name());
        assertEquals("192.168.1.20:7777", server.address());
        assertEquals(Optional.of(FINGERPRINT), server.fingerprint());
        assertEquals(2, server.protocolVersion());
        assertTrue(server.tls());
    }

    @Test
    void aPlainServerHasNoFingerprintEvenIfOneIsAnnounced() throws Exception {
        Map<String, String> values = good();
        values.put(DnsSd.TLS, "false");
        assertEquals(Optional.empty(), validate(values).orElseThrow().fingerprint());
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "SHA256:", "SHA256:short", "not a fingerprint",
            // hex is a valid fingerprint elsewhere, but the server never announces it
            "AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99" })
    void aTlsServerWithABadFingerprintIsDropped(String fingerprint) throws Exception {
        Map<String, String> values = good();
        values.put(DnsSd.FINGERPRINT, fingerprint);
        assertEquals(Optional.empty(), validate(values));
    }

    @Test
    void aTlsServerWithoutFingerprintIsDropped() throws Exception {
        Map<String, String> values = good();
        values.remove(DnsSd.FINGERPRINT);
        assertEquals(Optional.empty(), validate(values));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "0", "-1", "2.0", "99999", "0x2", "２", "1e3" })
    void aBadProtocolVersionIsDropped(String version) throws Exception {
        Map<String, String> values = good();
        values.put(DnsSd.PROTOCOL, version);
        assertEquals(Optional.empty(), validate(values));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "yes", "1", "TRUE " })
    void aBadTlsFlagIsDropped(String flag) throws Exception {
        Map<String, String> values = good();
        values.put(DnsSd.TLS, flag);
        assertEquals(Optional.empty(), validate(values));
    }

    @ParameterizedTest
    @ValueSource(strings = { "Bank\u202Egnp.exe", "zero\u200Bwidth", "bell\u0007", "new\nline", "tab\there",
            "private\uE000use", "   " })
    void anInvisibleOrControlCharacterInTheNameFallsBackToTheInstanceName(String name) throws Exception {
        Map<String, String> values = good();
        values.put(DnsSd.NAME, name);
        assertEquals("instance", validate(values).orElseThrow().name());
    }

    @Test
    void aTooLongNameFallsBackAndABadInstanceNameDropsTheRecord() throws Exception {
        Map<String, String> values = good();
        values.put(DnsSd.NAME, "x".repeat(DnsSd.MAX_NAME_LENGTH + 1));
        assertEquals("instance", validate(values).orElseThrow().name());
        Announced bad = new Announced("evil\u202E", record(values).addresses(), 7777, txt(values));
        assertEquals(Optional.empty(), ServiceRecords.validate(bad));
    }

    @Test
    void namesInAnyScriptAreKept() throws Exception {
        Map<String, String> values = good();
        values.put(DnsSd.NAME, "办公室 сервер خادم 💬");
        assertEquals("办公室 сервер خادم 💬", validate(values).orElseThrow().name());
    }

    @Test
    void malformedUtf8AndOverlongValuesAreNotRead() throws Exception {
        Map<String, byte[]> raw = txt(good());
        raw.put(DnsSd.NAME, new byte[] { (byte) 0xC0, (byte) 0xAF });
        Announced record = new Announced("instance", List.of(InetAddress.getByName("10.0.0.1")), 7777, raw);
        assertEquals("instance", ServiceRecords.validate(record).orElseThrow().name());
        raw.put(DnsSd.PROTOCOL, "2".repeat(300).getBytes(StandardCharsets.US_ASCII));
        assertEquals(Optional.empty(), ServiceRecords.validate(new Announced("instance", record.addresses(), 7777, raw)));
    }

    @ParameterizedTest
    @ValueSource(ints = { 0, -1, 65536, Integer.MAX_VALUE })
    void aPortOutOfRangeIsDropped(int port) throws Exception {
        Announced record = record(good());
        assertEquals(Optional.empty(),
                ServiceRecords.validate(new Announced("instance", record.addresses(), port, record.txt())));
    }

    @ParameterizedTest
    @ValueSource(strings = { "224.0.0.251", "0.0.0.0", "255.255.255.255", "169.254.1.1", "fe80::1", "ff02::fb" })
    void unusableAddressesAreDropped(String address) throws Exception {
        assertEquals(Optional.empty(), ServiceRecords.validate(record(good(), address)));
    }

    @Test
    void noAddressAtAllIsDropped() throws Exception {
        Announced record = record(good());
        assertEquals(Optional.empty(), ServiceRecords.validate(new Announced("instance", List.of(), 7777, record.txt())));
    }

    @Test
    void anIpv4AddressIsPreferredAndIpv6IsBracketed() throws Exception {
        assertEquals("10.1.2.3:7777", validate(record(good(), "2001:db8::7", "10.1.2.3")).orElseThrow().address());
        assertEquals("[2001:db8:0:0:0:0:0:7]:7777", ServiceRecords.validate(record(good(), "2001:db8::7"))
                .orElseThrow().address());
    }

    private static Optional<FoundServer> validate(Announced record) {
        return ServiceRecords.validate(record);
    }

    @Test
    void aFloodIsCutAtTheLimitAndDuplicatesCountOnce() throws Exception {
        FoundServers found = new FoundServers(32);
        for (int i = 0; i < 1000; i++) {
            Announced junk = new Announced("junk", List.of(InetAddress.getByName("10.0.0.1")), 1, Map.of());
            found.offer(junk);
            found.offer(record(good(), "10.0." + (i / 250) + "." + (i % 250 + 1)));
            found.offer(record(good(), "10.0.0.1"));
        }
        assertEquals(32, found.list().size());
        assertEquals(32, found.list().stream().map(FoundServer::address).distinct().count());
    }
}
