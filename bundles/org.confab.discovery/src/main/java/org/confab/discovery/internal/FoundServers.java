package org.confab.discovery.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.confab.discovery.FoundServer;

/**
 * What a browse collected: checked servers, one per address, at most {@code limit} of them, so a flood of
 * announcements costs a bounded list. Thread-safe: every interface's browse adds to the same one.
 */
public final class FoundServers {
    private final int limit;
    private final Map<String, FoundServer> byAddress = new LinkedHashMap<>();

    public FoundServers(int limit) {
        this.limit = limit;
    }

    /** Keeps {@code record} if it is valid, new and there is room; junk is dropped without a word. */
    public synchronized void offer(Announced record) {
        if (byAddress.size() >= limit) {
            return;
        }
        ServiceRecords.validate(record).ifPresent(server -> byAddress.putIfAbsent(server.address(), server));
    }

    /** The servers by name, then address. */
    public synchronized List<FoundServer> list() {
        List<FoundServer> servers = new ArrayList<>(byAddress.values());
        servers.sort(Comparator.comparing(FoundServer::name, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(FoundServer::address));
        return List.copyOf(servers);
    }
}
