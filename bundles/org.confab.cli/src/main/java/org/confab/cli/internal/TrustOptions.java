package org.confab.cli.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.confab.client.core.KnownServers;
import org.confab.client.core.ServerAddress;
import org.confab.client.core.ServerTrust;
import org.confab.protocol.Fingerprint;

/**
 * How the CLI decides to trust a server, without ever prompting (it runs in scripts): pinned
 * {@code --fingerprint}s (one per node of a cluster, comma-separated: a node presenting any of them is
 * trusted), else the known servers file, to which {@code --trust-new} adds a node seen for the first
 * time; {@code --plain} only for a server run with {@code --plain}.
 */
record TrustOptions(List<Fingerprint> pinned, boolean trustNew, boolean plain, Optional<Path> knownServers) {

    static TrustOptions from(ParsedArguments args, Map<String, String> env) {
        List<Fingerprint> pinned = args.option("fingerprint").map(TrustOptions::fingerprints).orElse(List.of());
        Optional<Path> file = args.option("known-servers")
                .or(() -> Optional.ofNullable(env.get("CONFAB_KNOWN_SERVERS")).filter(value -> !value.isEmpty()))
                .map(Path::of);
        TrustOptions options = new TrustOptions(pinned, args.flag("trust-new"), args.flag("plain"), file);
        if (options.plain() && (!options.pinned().isEmpty() || options.trustNew())) {
            throw new UsageException("--plain turns TLS off, so it cannot be combined with --fingerprint or --trust-new");
        }
        return options;
    }

    private static List<Fingerprint> fingerprints(String list) {
        String[] parts = list.split(",", -1);
        if (parts.length > ServerAddress.MAX_LIST) {
            throw new UsageException("--fingerprint: at most " + ServerAddress.MAX_LIST + " fingerprints, got " + parts.length);
        }
        List<Fingerprint> fingerprints = new ArrayList<>();
        for (String part : parts) {
            try {
                fingerprints.add(Fingerprint.parse(part.strip()));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--fingerprint: " + e.getMessage());
            }
        }
        return List.copyOf(fingerprints);
    }

    ServerTrust serverTrust() {
        if (plain) {
            return ServerTrust.plain();
        }
        if (!pinned.isEmpty()) {
            return ServerTrust.pinned(pinned);
        }
        KnownServers store = knownServers.map(KnownServers::at).orElseGet(KnownServers::userDefault);
        return trustNew ? ServerTrust.acceptNew(store) : ServerTrust.knownServers(store);
    }
}
