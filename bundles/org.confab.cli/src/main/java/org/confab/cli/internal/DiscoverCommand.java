package org.confab.cli.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.confab.discovery.FoundServer;
import org.confab.discovery.LanBrowser;

/**
 * {@code discover}: lists the Confab servers announced on the LAN (DNS-SD over multicast DNS) with their
 * address and certificate fingerprint. Connects to none of them; the fingerprint is what the network
 * said, so the user still compares it with the operator's before passing it to {@code --fingerprint}.
 */
final class DiscoverCommand implements Command {
    @Override
    public String name() {
        return "discover";
    }

    @Override
    public String synopsis() {
        return "[--timeout SECONDS] [--interface ADDRESS,...]";
    }

    @Override
    public String description() {
        return "list the servers announced on the local network (default: listen 3 s)";
    }

    @Override
    public Set<String> options() {
        return Set.of("interface");
    }

    @Override
    public int run(CommandContext context) throws Exception {
        context.operands(0, 0, "no arguments");
        Duration timeout = context.option("timeout").isPresent() ? context.global().timeout()
                : LanBrowser.DEFAULT_TIMEOUT;
        if (timeout.compareTo(LanBrowser.MAX_TIMEOUT) > 0) {
            throw new UsageException("discover listens " + LanBrowser.MAX_TIMEOUT.toSeconds() + " s at most");
        }
        LanBrowser browser = context.option("interface").map(DiscoverCommand::interfaces).map(LanBrowser::on)
                .orElseGet(LanBrowser::onAllInterfaces);
        List<FoundServer> servers = browser.browse(timeout);
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("NAME", "ADDRESS", "FINGERPRINT", "PROTOCOL"));
        for (FoundServer server : servers) {
            rows.add(List.of(server.name(), server.address(), fingerprint(server),
                    Integer.toString(server.protocolVersion())));
        }
        if (servers.isEmpty()) {
            context.err().println("discover: no Confab server answered within " + timeout.toMillis() / 1000.0
                    + " s on " + browser.interfaces().stream().map(InetAddress::getHostAddress).toList());
            return ExitCodes.OK;
        }
        List<String> lines = TextTable.format(rows);
        context.output().text(lines.get(0));
        for (int i = 0; i < servers.size(); i++) {
            context.output().item(lines.get(i + 1), fields(servers.get(i)));
        }
        // anyone on the LAN can announce: the fingerprint is a claim until the operator confirms it
        context.err().println("discover: these fingerprints come from the network; compare one with your "
                + "administrator's before using it with --fingerprint");
        return ExitCodes.OK;
    }

    private static String fingerprint(FoundServer server) {
        return server.fingerprint().map(Object::toString).orElse("(plain TCP, no TLS)");
    }

    private static Map<String, Object> fields(FoundServer server) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", server.name());
        fields.put("address", server.address());
        fields.put("host", server.host());
        fields.put("port", server.port());
        fields.put("tls", server.tls());
        server.fingerprint().ifPresent(value -> fields.put("fingerprint", value.toString()));
        fields.put("protocolVersion", server.protocolVersion());
        return fields;
    }

    private static List<InetAddress> interfaces(String text) {
        List<InetAddress> addresses = new ArrayList<>();
        for (String address : text.split(",")) {
            try {
                addresses.add(InetAddress.getByName(address.strip()));
            } catch (UnknownHostException e) {
                throw new UsageException("--interface expects interface addresses, not '" + address.strip() + "'");
            }
        }
        return addresses;
    }
}
