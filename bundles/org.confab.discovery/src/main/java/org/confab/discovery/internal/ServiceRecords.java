package org.confab.discovery.internal;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

import org.confab.discovery.DnsSd;
import org.confab.discovery.FoundServer;
import org.confab.protocol.Fingerprint;

/**
 * Turns a record from the network into a {@link FoundServer}, or into nothing. Anyone on the LAN can
 * send any record, so every field is checked and a record with one bad field is dropped whole: a name
 * must be printable (no control or invisible formatting characters such as bidi overrides, which could
 * make one server look like another), the host a usable unicast address, the port in range, the TLS flag
 * and protocol version well-formed, and a TLS server's fingerprint a real SHA-256 fingerprint.
 */
public final class ServiceRecords {
    /** Longest TXT value read; DNS itself caps a TXT string at 255 bytes. */
    static final int MAX_VALUE_BYTES = 255;
    /** Highest protocol version taken seriously; far above anything real, it only bounds the parse. */
    static final int MAX_PROTOCOL = 9999;

    private ServiceRecords() {
    }

    /** The checked server, or empty when anything about the record is wrong. */
    public static Optional<FoundServer> validate(Announced record) {
        if (record.port() < 1 || record.port() > 65535) {
            return Optional.empty();
        }
        Optional<String> host = host(record);
        Optional<String> name = text(record.txt().get(DnsSd.NAME)).flatMap(ServiceRecords::name)
                .or(() -> name(record.instanceName()));
        Optional<Boolean> tls = text(record.txt().get(DnsSd.TLS)).flatMap(ServiceRecords::bool);
        Optional<Integer> protocol = text(record.txt().get(DnsSd.PROTOCOL)).flatMap(ServiceRecords::protocol);
        if (host.isEmpty() || name.isEmpty() || tls.isEmpty() || protocol.isEmpty()) {
            return Optional.empty();
        }
        Optional<Fingerprint> fingerprint = Optional.empty();
        if (tls.get()) {
            fingerprint = text(record.txt().get(DnsSd.FINGERPRINT)).flatMap(ServiceRecords::fingerprint);
            if (fingerprint.isEmpty()) {
                return Optional.empty(); // a TLS server without a fingerprint cannot be checked
            }
        }
        return Optional.of(new FoundServer(name.get(), host.get(), record.port(), tls.get(), fingerprint,
                protocol.get()));
    }

    /** An IPv4 unicast address first (no scope to get wrong), else a global IPv6 one. */
    private static Optional<String> host(Announced record) {
        return record.addresses().stream()
                .filter(address -> !address.isMulticastAddress() && !address.isAnyLocalAddress()
                        && !address.isLinkLocalAddress() && !isBroadcast(address))
                .min(Comparator.comparingInt(address -> address instanceof Inet4Address ? 0 : 1))
                .map(InetAddress::getHostAddress);
    }

    private static boolean isBroadcast(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 4 && (bytes[0] & bytes[1] & bytes[2] & bytes[3] & 0xff) == 0xff;
    }

    /** Strict UTF-8 of a TXT value no longer than DNS allows; empty for anything else. */
    static Optional<String> text(byte[] value) {
        if (value == null || value.length == 0 || value.length > MAX_VALUE_BYTES) {
            return Optional.empty();
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(value)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** A name people can read and that cannot pass for another: printable, no invisible characters. */
    static Optional<String> name(String raw) {
        String name = raw.strip();
        int length = name.codePointCount(0, name.length());
        if (length == 0 || length > DnsSd.MAX_NAME_LENGTH) {
            return Optional.empty();
        }
        boolean printable = name.codePoints().allMatch(c -> !Character.isISOControl(c)
                && Character.getType(c) != Character.FORMAT && Character.getType(c) != Character.UNASSIGNED
                && Character.getType(c) != Character.PRIVATE_USE && Character.getType(c) != Character.SURROGATE
                && Character.getType(c) != Character.LINE_SEPARATOR
                && Character.getType(c) != Character.PARAGRAPH_SEPARATOR);
        return printable ? Optional.of(name) : Optional.empty();
    }

    private static Optional<Boolean> bool(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    private static Optional<Integer> protocol(String value) {
        if (value.isEmpty() || value.length() > 4 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        int version = Integer.parseInt(value);
        return version >= 1 && version <= MAX_PROTOCOL ? Optional.of(version) : Optional.empty();
    }

    /** Only the form the server announces, {@code SHA256:} and base64, is accepted. */
    private static Optional<Fingerprint> fingerprint(String value) {
        if (!value.startsWith("SHA256:")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Fingerprint.parse(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
