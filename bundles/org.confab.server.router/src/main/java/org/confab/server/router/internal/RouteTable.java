package org.confab.server.router.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.confab.server.api.MessageHandler;
import org.confab.server.api.RateClass;

/**
 * Which handler owns each message type. The first service to claim a type owns it; later claims wait
 * as standbys, in the order they came, and the next one takes over when the owner goes away. A claim
 * is per type, so a handler can own some of its types and wait for others. Thread-safe; looking up
 * an owner (on every frame) reads an immutable snapshot without locking.
 */
final class RouteTable {

    /** One handler service's registration. */
    record Claim(MessageHandler handler, String name, boolean requiresLogin, RateClass rateClass,
            Optional<String> capability, String version) {
    }

    /** A type refused to a handler because another already owns it. */
    record Conflict(String type, Claim owner, Claim refused) {
    }

    private final Map<String, List<Claim>> claims = new LinkedHashMap<>();
    private volatile Map<String, Claim> owners = Map.of();

    /** Registers a handler for its types; returns the types it could not take because they are owned. */
    synchronized List<Conflict> add(Claim claim, List<String> types) {
        List<Conflict> conflicts = new ArrayList<>();
        for (String type : types) {
            List<Claim> queue = claims.computeIfAbsent(type, t -> new ArrayList<>());
            if (!queue.isEmpty()) {
                conflicts.add(new Conflict(type, queue.get(0), claim));
            }
            queue.add(claim);
        }
        publishOwners();
        return conflicts;
    }

    /** Removes a handler; returns the claims that now own a type they were waiting for, by type. */
    synchronized Map<String, Claim> remove(MessageHandler handler) {
        Map<String, Claim> promoted = new TreeMap<>();
        claims.entrySet().removeIf(entry -> {
            List<Claim> queue = entry.getValue();
            boolean wasOwner = !queue.isEmpty() && queue.get(0).handler() == handler;
            queue.removeIf(claim -> claim.handler() == handler);
            if (wasOwner && !queue.isEmpty()) {
                promoted.put(entry.getKey(), queue.get(0));
            }
            return queue.isEmpty();
        });
        publishOwners();
        return promoted;
    }

    /** The owner of a type. */
    Optional<Claim> owner(String type) {
        return Optional.ofNullable(owners.get(type));
    }

    private void publishOwners() {
        Map<String, Claim> current = new HashMap<>();
        claims.forEach((type, queue) -> current.put(type, queue.get(0)));
        owners = Map.copyOf(current);
    }

    /** Every type with its owner first and its standbys after it, sorted by type. */
    synchronized Map<String, List<Claim>> snapshot() {
        Map<String, List<Claim>> copy = new TreeMap<>();
        claims.forEach((type, queue) -> copy.put(type, List.copyOf(queue)));
        return copy;
    }

    /** The capabilities the owning handlers provide, with their versions, sorted by name. */
    synchronized Map<String, String> capabilities() {
        Map<String, String> capabilities = new TreeMap<>();
        for (List<Claim> queue : claims.values()) {
            Claim owner = queue.get(0);
            owner.capability().ifPresent(name -> capabilities.merge(name, owner.version(),
                    (a, b) -> a.compareTo(b) >= 0 ? a : b));
        }
        return capabilities;
    }
}
