package org.confab.client.ui.internal.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

import org.confab.protocol.messages.Messages.ChatMessage;
import org.confab.protocol.messages.Messages.ChatSent;
import org.confab.protocol.messages.Messages.MessagePage;

/**
 * The messages of one conversation as far as they are loaded: stored messages ordered by server id
 * (deduplicated, whatever order pushes, acknowledgements and history pages arrive in), then own
 * messages still waiting for the server in the order they were written. A {@code chat.delivered} may
 * overtake the {@code chat.send.ok} of the same message; it is remembered until the id is known.
 */
public final class ConversationModel {
    private final String self;
    private final String peer;
    private final TreeMap<Long, ChatLine> stored = new TreeMap<>();
    private final Map<String, ChatLine> pending = new LinkedHashMap<>();
    private final Set<Long> deliveredEarly = new HashSet<>();
    private final Observers observers = new Observers();
    private boolean latestLoaded;
    private boolean olderAvailable = true;
    /** How far the peer has read this user's messages (0: nothing known); own lines up to it show as read. */
    private long peerRead;

    public ConversationModel(String self, String peer) {
        this.self = self;
        this.peer = peer;
    }

    public String peer() {
        return peer;
    }

    public String self() {
        return self;
    }

    /** An own message handed to the library; {@code now} is the local time, shown until the server's. */
    public ChatLine addSending(String clientMessageId, String text, long now) {
        return addSending(clientMessageId, Content.text(text), now);
    }

    /** An own message of any kind handed to the library. */
    public ChatLine addSending(String clientMessageId, Content content, long now) {
        ChatLine line = new ChatLine(0, clientMessageId, self, content, now, true, DeliveryState.SENDING, "");
        pending.put(clientMessageId, line);
        observers.changed();
        return line;
    }

    /** The server stored an own message. */
    public void stored(String clientMessageId, ChatSent sent) {
        ChatLine sending = pending.remove(clientMessageId);
        ChatLine known = stored.get(sent.messageId());
        if (known == null && sending != null) {
            DeliveryState state = sent.messageId() <= peerRead ? DeliveryState.READ
                    : deliveredEarly.remove(sent.messageId()) ? DeliveryState.DELIVERED : DeliveryState.STORED;
            stored.put(sent.messageId(), new ChatLine(sent.messageId(), clientMessageId, self, sending.content(),
                    sent.timestamp(), true, state, ""));
        }
        observers.changed();
    }

    /** Sending an own message failed for good. */
    public void failed(String clientMessageId, String problem) {
        ChatLine sending = pending.get(clientMessageId);
        if (sending != null) {
            pending.put(clientMessageId, new ChatLine(0, clientMessageId, self, sending.content(), sending.timestamp(),
                    true, DeliveryState.FAILED, problem));
            observers.changed();
        }
    }

    /** A pushed message of this conversation; false when it was known already. */
    public boolean received(ChatMessage message) {
        boolean fresh = merge(message);
        observers.changed();
        return fresh;
    }

    /** The recipient acknowledged own messages. */
    public void delivered(Collection<Long> messageIds) {
        for (Long id : messageIds) {
            ChatLine line = stored.get(id);
            if (line == null) {
                deliveredEarly.add(id);
            } else if (line.own() && line.state() == DeliveryState.STORED) {
                stored.put(id, line.withState(DeliveryState.DELIVERED));
            }
        }
        observers.changed();
    }

    /**
     * The peer has read this user's messages up to {@code upTo}: those own messages show as read (a
     * read receipt), as do own messages up to it that are loaded later. Never moves back.
     */
    public void readByPeer(long upTo) {
        if (upTo <= peerRead) {
            return;
        }
        peerRead = upTo;
        for (ChatLine line : stored.headMap(upTo, true).values()) {
            if (line.own() && line.state() != DeliveryState.READ) {
                stored.put(line.messageId(), line.withState(DeliveryState.READ));
            }
        }
        observers.changed();
    }

    /** The id of the newest loaded message from the peer; 0 when none is loaded. */
    public long newestReceivedId() {
        return stored.descendingMap().values().stream().filter(line -> !line.own()).mapToLong(ChatLine::messageId)
                .findFirst().orElse(0);
    }

    /** A history page: the latest one when {@code older} is false, else the one before the oldest loaded. */
    public void addPage(MessagePage page, boolean older) {
        page.messages().forEach(this::merge);
        if (older || !latestLoaded) {
            olderAvailable = page.more();
        }
        latestLoaded = true;
        observers.changed();
    }

    public boolean latestLoaded() {
        return latestLoaded;
    }

    /** Whether the server has messages older than the oldest loaded one. */
    public boolean olderAvailable() {
        return olderAvailable;
    }

    public OptionalLong oldestId() {
        return stored.isEmpty() ? OptionalLong.empty() : OptionalLong.of(stored.firstKey());
    }

    public Optional<ChatLine> line(long messageId) {
        return Optional.ofNullable(stored.get(messageId));
    }

    /** Stored messages by id, then pending ones in the order they were written. */
    public List<ChatLine> lines() {
        List<ChatLine> lines = new ArrayList<>(stored.values());
        lines.addAll(pending.values());
        return lines;
    }

    public void addObserver(Runnable observer) {
        observers.add(observer);
    }

    public void removeObserver(Runnable observer) {
        observers.remove(observer);
    }

    private boolean merge(ChatMessage message) {
        boolean own = message.from().equals(self);
        if (own && message.clientMessageId() != null) {
            pending.remove(message.clientMessageId());
        }
        DeliveryState state = !own ? DeliveryState.RECEIVED
                : message.messageId() <= peerRead ? DeliveryState.READ
                : message.delivered() || deliveredEarly.remove(message.messageId()) ? DeliveryState.DELIVERED
                        : DeliveryState.STORED;
        ChatLine known = stored.get(message.messageId());
        if (known != null) {
            if (known.state() == DeliveryState.STORED && state == DeliveryState.DELIVERED) {
                stored.put(message.messageId(), known.withState(state));
            }
            return false;
        }
        stored.put(message.messageId(), new ChatLine(message.messageId(), message.clientMessageId(),
                message.from(), Content.of(message), message.timestamp(), own, state, ""));
        return true;
    }
}
