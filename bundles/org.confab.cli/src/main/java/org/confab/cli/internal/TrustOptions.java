package org.confab.cli.internal;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.confab.client.core.KnownServers;
import org.confab.client.core.ServerTrust;
import org.confab.protocol.Fingerprint;

/**
 * How the CLI decides to trust a server, without ever prompting (it runs in scripts): a pinned
 * {@code --fingerprint}, else the known servers file, to which {@code --trust-new} adds a server seen
 * for the first time; {@code --plain} only for a server run with {@code --plain}.
 */
record TrustOptions(Optional<Fingerprint> pinned, boolean trustNew, boolean plain, Optional<Path> knownServers) {

    static TrustOptions from(ParsedArguments args, Map<String, String> env) {
        Optional<Fingerprint> pinned = args.option("fingerprint").map(text -> {
            try {
                return Fingerprint.parse(text);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--fingerprint: " + e.getMessage());
            }
        });
        Optional<Path> file = args.option("known-servers")
                .or(() -> Optional.ofNullable(env.get("CONFAB_KNOWN_SERVERS")).filter(value -> !value.isEmpty()))
                .map(Path::of);
        TrustOptions options = new TrustOptions(pinned, args.flag("trust-new"), args.flag("plain"), file);
        if (options.plain() && (options.pinned().isPresent() || options.trustNew())) {
            throw new UsageException("--plain turns TLS off, so it cannot be combined with --fingerprint or --trust-new");
        }
        return options;
    }

    ServerTrust serverTrust() {
        if (plain) {
            return ServerTrust.plain();
        }
        if (pinned.isPresent()) {
            return ServerTrust.pinned(pinned.get());
        }
        KnownServers store = knownServers.map(KnownServers::at).orElseGet(KnownServers::userDefault);
        return trustNew ? ServerTrust.acceptNew(store) : ServerTrust.knownServers(store);
    }
}
