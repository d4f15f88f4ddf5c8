package org.confab.server.router.internal;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.confab.protocol.Frame;
import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.Messages.PresenceEntry;
import org.confab.protocol.messages.Messages.PresenceList;
import org.confab.server.api.ClientSession;
import org.confab.server.api.MessageHandler;
import org.confab.server.spi.AccountService;
import org.confab.server.spi.SessionRegistry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code presence.list}: every account with its presence (and an online user's status), online ones first, then by name. */
@Component(property = MessageHandler.TYPES + "=" + MessageTypes.PRESENCE_LIST)
public class PresenceHandler implements MessageHandler {
    /** Presence lists are for LAN teams; a directory beyond this size needs search, not a list. */
    private static final int MAX_LISTED = 5000;

    private final AccountService accounts;
    private final SessionRegistry registry;
    private final PresenceBroadcaster presence;
    private final ClusterLink cluster;

    @Activate
    public PresenceHandler(@Reference AccountService accounts, @Reference SessionRegistry registry,
            @Reference PresenceBroadcaster presence, @Reference ClusterLink cluster) {
        this.cluster = cluster;
        this.accounts = accounts;
        this.registry = registry;
        this.presence = presence;
    }

    @Override
    public void handle(ClientSession session, Frame frame) {
        Set<String> online = new HashSet<>(registry.onlineUsers());
        online.addAll(cluster.others().onlineElsewhere());
        List<PresenceEntry> users = accounts.list(0, MAX_LISTED).stream()
                .map(a -> online.contains(a.username())
                        ? new PresenceEntry(a.username(), a.displayName(), true, presence.status(a.username()))
                        : new PresenceEntry(a.username(), a.displayName(), false))
                .sorted(Comparator.comparing((PresenceEntry e) -> !e.online()).thenComparing(PresenceEntry::username))
                .toList();
        Replies.ok(session, frame, new PresenceList(users));
    }
}
