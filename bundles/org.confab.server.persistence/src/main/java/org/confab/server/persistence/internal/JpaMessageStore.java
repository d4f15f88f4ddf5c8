package org.confab.server.persistence.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.PersistenceException;
import javax.persistence.TypedQuery;

import org.confab.server.api.StorageException;
import org.confab.server.api.StoredMessage;
import org.confab.server.spi.MessageStore;
import org.confab.server.spi.NewMessage;
import org.confab.server.spi.OtherNodes;
import org.confab.server.spi.StoreResult;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** {@link MessageStore} on the {@code confab} persistence unit; every call is its own committed transaction. */
@Component(service = MessageStore.class)
public class JpaMessageStore implements MessageStore {

    private static final String SELECT = "SELECT m FROM MessageEntity m WHERE ";

    private final Transactions transactions;
    private final GroupCommitter writes;
    private final MessageDurability durability;
    private final MessageIds ids;
    private final Clock clock = Clock.systemUTC();
    /**
     * Registered only on a node of a cluster: other nodes store messages in this database too, so each
     * batch first makes its ids higher than theirs ({@link MessageIds#aboveCommitted}). A single server
     * skips that read.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile OtherNodes otherNodes;

    @Activate
    public JpaMessageStore(@Reference(target = "(osgi.unit.name=confab)") EntityManagerFactory factory,
            BundleContext context) {
        MessageSchema.upgrade(factory);
        this.transactions = new Transactions(factory);
        this.ids = new MessageIds(transactions);
        this.durability = MessageDurability.open(factory, positiveProperty(context,
                MessageDurability.CHECKPOINT_SECONDS_PROPERTY, MessageDurability.DEFAULT_CHECKPOINT_SECONDS));
        this.writes = new GroupCommitter(factory, "messages", durability,
                positiveProperty(context, COMMIT_QUEUE_PROPERTY, GroupCommitter.DEFAULT_QUEUE_CAPACITY),
                GroupCommitter.DEFAULT_QUEUE_WAIT, this::aboveOtherNodes);
    }

    private void aboveOtherNodes(EntityManager em) {
        if (otherNodes != null) {
            ids.aboveCommitted(em);
        }
    }

    /** Framework property: message writes that may wait for a commit while the database is slow (default 4096). */
    static final String COMMIT_QUEUE_PROPERTY = "confab.store.commitQueue";

    private static int positiveProperty(BundleContext context, String property, int defaultValue) {
        String configured = context.getProperty(property);
        try {
            int value = configured == null ? defaultValue : Integer.parseInt(configured.trim());
            if (value < 1) {
                throw new NumberFormatException("below 1");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(property + " must be a whole number, at least 1, was '" + configured + "'", e);
        }
    }

    @Deactivate
    void close() {
        writes.close();
        durability.close();
    }

    @Override
    public StoreResult store(NewMessage message) {
        try {
            // Batched: no duplicate check, the unique key refuses a resend and the batch is retried
            // unit by unit, where the check below finds the earlier message.
            return writes.submit("store a message", em -> insert(em, message), em -> storeAlone(em, message));
        } catch (StorageException e) {
            // a concurrent resend of the same client id won the unique key: report that one
            Optional<StoredMessage> winner = transactions.inTransaction("look up a resent message",
                    em -> byClientId(em, message.sender(), message.clientMessageId()).map(earlier -> withDelivery(em, earlier)));
            StoreResult resent = winner.map(stored -> new StoreResult(stored, true)).orElseThrow(() -> e);
            // read outside the committer: the winner's batch may not be journaled yet, so this one is
            durability.secure(List.of(resent));
            return resent;
        }
    }

    /** The id comes from {@link MessageIds} before the insert, so no flush is needed before the commit. */
    @Override
    public CompletableFuture<StoreResult> storeAsync(NewMessage message) {
        return writes.submitAsync("store a message", em -> insert(em, message), em -> storeAlone(em, message));
    }

    /** A new message is written twice: once for good, and once as pending until its recipient acknowledges it. */
    private StoreResult insert(EntityManager em, NewMessage message) {
        MessageEntity entity = new MessageEntity(ids.next(), message, clock.instant());
        em.persist(entity);
        em.persist(new PendingEntity(entity));
        return new StoreResult(entity.toMessage(false), false);
    }

    /** The unit on its own, after its batch failed: now with the duplicate check the batch left to the unique key. */
    private StoreResult storeAlone(EntityManager em, NewMessage message) {
        aboveOtherNodes(em); // its batch may have failed before it got that far
        Optional<MessageEntity> earlier = byClientId(em, message.sender(), message.clientMessageId());
        return earlier.isPresent() ? new StoreResult(withDelivery(em, earlier.get()), true) : insert(em, message);
    }

    @Override
    public List<StoredMessage> undelivered(String recipient, long afterId, int limit) {
        // walks the pending table's primary key (recipient, id) and fetches each message by its id
        return transactions.inTransaction("read undelivered messages", em -> em
                .createQuery("SELECT m FROM PendingEntity p, MessageEntity m WHERE p.recipient = :recipient"
                        + " AND p.messageId > :after AND m.id = p.messageId ORDER BY p.messageId", MessageEntity.class)
                .setParameter("recipient", recipient).setParameter("after", afterId).setMaxResults(limit)
                .getResultList().stream().map(message -> message.toMessage(false)).toList());
    }

    @Override
    public List<StoredMessage> markDelivered(String recipient, List<Long> messageIds) {
        if (messageIds.isEmpty()) {
            return List.of();
        }
        return writes.submit("mark messages delivered", em -> markDelivered(em, recipient, messageIds),
                em -> markDelivered(em, recipient, messageIds));
    }

    @Override
    public CompletableFuture<List<StoredMessage>> markDeliveredAsync(String recipient, List<Long> messageIds) {
        if (messageIds.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        return writes.submitAsync("mark messages delivered", em -> markDelivered(em, recipient, messageIds),
                em -> markDelivered(em, recipient, messageIds));
    }

    /**
     * Reads id and sender of the pending messages (not their bodies), then flips them, both by primary
     * key in plain JDBC: an acknowledgement is the most frequent write after a send. Through JPQL the
     * database chose the recipient index and walked every message the recipient ever got, and the
     * query flushed the batch's pending inserts early.
     */
    private static List<StoredMessage> markDelivered(EntityManager em, String recipient, List<Long> messageIds) {
        try {
            return MessageRows.markDelivered(em.unwrap(Connection.class), recipient, messageIds);
        } catch (SQLException e) {
            throw new PersistenceException("could not mark messages delivered: " + e.getMessage(), e);
        }
    }

    @Override
    public List<StoredMessage> conversation(String user, String peer, Optional<Long> beforeId, int limit) {
        return transactions.inTransaction("read a conversation", em -> {
            TypedQuery<MessageEntity> query = em.createQuery(SELECT
                    + "((m.sender = :user AND m.recipient = :peer) OR (m.sender = :peer AND m.recipient = :user))"
                    + " AND m.id < :before ORDER BY m.id DESC", MessageEntity.class);
            query.setParameter("user", user).setParameter("peer", peer)
                    .setParameter("before", beforeId.orElse(Long.MAX_VALUE)).setMaxResults(limit);
            return withDelivery(em, query.getResultList());
        });
    }

    /**
     * With a peer: the conversation index. Without one, the messages the user sent (conversation index,
     * leading with the sender) and those it received (recipient index) are searched apart, each newest
     * first along its index, and merged: an OR over both columns made the database scan the whole
     * table for every search.
     */
    @Override
    public List<StoredMessage> search(String user, Optional<String> peer, String query, Optional<Long> beforeId,
            int limit) {
        String pattern = LikePatterns.containing(query);
        long before = beforeId.orElse(Long.MAX_VALUE);
        return transactions.inTransaction("search messages", em -> {
            List<MessageEntity> found;
            if (peer.isPresent()) {
                found = em.createQuery(SELECT + "((m.sender = :user AND m.recipient = :peer) OR (m.sender = :peer AND m.recipient = :user))"
                        + SEARCH_ORDER, MessageEntity.class).setParameter("user", user).setParameter("peer", peer.get())
                        .setParameter("pattern", pattern).setParameter("before", before).setMaxResults(limit).getResultList();
            } else {
                found = new ArrayList<>(searchBy(em, "m.sender", user, pattern, before, limit));
                found.addAll(searchBy(em, "m.recipient", user, pattern, before, limit));
                found.sort(Comparator.comparingLong(MessageEntity::id).reversed());
                found = found.stream().distinct().limit(limit).toList(); // a note to oneself is found twice
            }
            return withDelivery(em, found);
        });
    }

    private static final String SEARCH_ORDER = " AND LOWER(m.body) LIKE :pattern ESCAPE '!' AND m.id < :before ORDER BY m.id DESC";

    private static List<MessageEntity> searchBy(EntityManager em, String column, String user, String pattern, long before, int limit) {
        return em.createQuery(SELECT + column + " = :user" + SEARCH_ORDER, MessageEntity.class).setParameter("user", user)
                .setParameter("pattern", pattern).setParameter("before", before).setMaxResults(limit).getResultList();
    }

    @Override
    public long countSince(Instant since) {
        return transactions.inTransaction("count messages", em -> em
                .createQuery("SELECT COUNT(m) FROM MessageEntity m WHERE m.sentAt >= :since", Long.class)
                .setParameter("since", since.toEpochMilli()).getSingleResult());
    }

    @Override
    public int discardUndelivered(String recipient) {
        int discarded = transactions.inDurableTransaction("discard undelivered messages", em -> {
            int deleted = em.createQuery("DELETE FROM MessageEntity m WHERE m.recipient = :recipient AND m.id IN"
                    + " (SELECT p.messageId FROM PendingEntity p WHERE p.recipient = :recipient)")
                    .setParameter("recipient", recipient).executeUpdate();
            em.createQuery("DELETE FROM PendingEntity p WHERE p.recipient = :recipient")
                    .setParameter("recipient", recipient).executeUpdate();
            return deleted;
        });
        durability.checkpoint(); // the journal still holds the deleted messages: a replay must not revive them
        return discarded;
    }

    private static StoredMessage withDelivery(EntityManager em, MessageEntity message) {
        return withDelivery(em, List.of(message)).get(0);
    }

    /** The messages with their delivery state: delivered unless still in the pending table. */
    private static List<StoredMessage> withDelivery(EntityManager em, List<MessageEntity> messages) {
        Map<String, List<Long>> idsByRecipient = messages.stream().collect(Collectors.groupingBy(MessageEntity::recipient,
                Collectors.mapping(MessageEntity::id, Collectors.toList())));
        Set<Long> pending = new HashSet<>();
        try {
            Connection connection = em.unwrap(Connection.class);
            for (Map.Entry<String, List<Long>> recipient : idsByRecipient.entrySet()) {
                pending.addAll(MessageRows.stillPending(connection, recipient.getKey(), recipient.getValue()));
            }
        } catch (SQLException e) {
            throw new PersistenceException("could not read the delivery state: " + e.getMessage(), e);
        }
        return messages.stream().map(message -> message.toMessage(!pending.contains(message.id()))).toList();
    }

    private static Optional<MessageEntity> byClientId(EntityManager em, String sender, String clientMessageId) {
        return em.createQuery(SELECT + "m.sender = :sender AND m.clientMessageId = :clientId", MessageEntity.class)
                .setParameter("sender", sender).setParameter("clientId", clientMessageId)
                .getResultList().stream().findFirst();
    }
}
