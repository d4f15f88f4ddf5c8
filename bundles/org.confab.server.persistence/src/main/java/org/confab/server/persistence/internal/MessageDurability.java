package org.confab.server.persistence.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.persistence.EntityManagerFactory;
import javax.persistence.PersistenceException;

import org.confab.server.api.StorageException;
import org.confab.server.api.StoredMessage;
import org.confab.server.spi.StoreResult;
import org.confab.server.spi.Supervised;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When a batch of message writes is safe to acknowledge. On MySQL the commit is (InnoDB syncs its
 * redo log). On the embedded H2 database the batch's records go to the {@link MessageJournal} first;
 * a checkpoint every few seconds forces H2 to disk and empties the journal, and a start after a crash
 * replays what the journal holds.
 */
final class MessageDurability implements GroupCommitter.Durability, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MessageDurability.class);

    static final String JOURNAL_SUFFIX = ".messages.journal";
    private static final long CHECKPOINT_BYTES = 16L << 20;
    /** Framework property: seconds between checkpoints of the embedded database (default 10). */
    static final String CHECKPOINT_SECONDS_PROPERTY = "confab.journal.checkpointSeconds";
    static final int DEFAULT_CHECKPOINT_SECONDS = 10;

    private final Transactions transactions;
    private final Optional<MessageJournal> journal;
    private final Optional<ScheduledExecutorService> checkpoints;
    private final long checkpointNanos;
    private volatile long lastCheckpoint = System.nanoTime();

    private MessageDurability(Transactions transactions, Optional<MessageJournal> journal, int checkpointSeconds) {
        this.transactions = transactions;
        this.journal = journal;
        this.checkpointNanos = TimeUnit.SECONDS.toNanos(checkpointSeconds);
        this.checkpoints = journal.map(j -> Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("confab-message-checkpoint").factory()));
        // supervised: a scheduled task that throws is never run again, and the journal would grow for ever
        checkpoints.ifPresent(executor -> executor.scheduleWithFixedDelay(
                Supervised.periodic("the message journal checkpoint", this::checkpointIfDue), 1, 1, TimeUnit.SECONDS));
    }

    /**
     * Replays a journal left by a crash into the database, then starts a fresh one (embedded H2 only).
     *
     * @param checkpointSeconds how often the database is forced to disk and the journal emptied: longer
     *        means fewer forced writes and a longer replay after a crash
     */
    static MessageDurability open(EntityManagerFactory factory, int checkpointSeconds) {
        Transactions transactions = new Transactions(factory);
        Optional<Path> database = transactions.inTransaction("find the database file", em -> {
            try {
                return EmbeddedDatabase.file(em.unwrap(Connection.class));
            } catch (SQLException e) {
                throw new PersistenceException(e.getMessage(), e);
            }
        });
        if (database.isEmpty()) {
            return new MessageDurability(transactions, Optional.empty(), checkpointSeconds);
        }
        Path file = database.get().resolveSibling(database.get().getFileName() + JOURNAL_SUFFIX);
        try {
            List<MessageJournal.Entry> entries = MessageJournal.replay(file);
            if (!entries.isEmpty()) {
                int applied = transactions.inTransaction("replay the message journal", em -> {
                    try {
                        return apply(em.unwrap(Connection.class), entries);
                    } catch (SQLException e) {
                        throw new PersistenceException(e.getMessage(), e);
                    }
                });
                LOG.warn("replayed the message journal after an unclean stop: {} records, {} changes the database had not written",
                        entries.size(), applied);
            }
            forceToDisk(transactions);
            MessageJournal journal = new MessageJournal(file);
            journal.clear();
            return new MessageDurability(transactions, Optional.of(journal), checkpointSeconds);
        } catch (IOException e) {
            throw new StorageException("cannot open the message journal " + file + ": " + e.getMessage(), e);
        }
    }

    /** Applies journal entries that the database lacks; every step is idempotent. */
    static int apply(Connection connection, List<MessageJournal.Entry> entries) throws SQLException {
        int applied = 0;
        try (PreparedStatement exists = connection.prepareStatement("SELECT COUNT(*) FROM CONFAB_MESSAGE WHERE ID = ?");
                PreparedStatement message = connection.prepareStatement("INSERT INTO CONFAB_MESSAGE (ID, SENDER,"
                        + " RECIPIENT, CLIENT_MESSAGE_ID, BODY, SENT_AT, KIND, META, ATTACHMENTS) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement pending = connection.prepareStatement("INSERT INTO CONFAB_PENDING"
                        + " (RECIPIENT, MESSAGE_ID, SENDER, SENT_AT, CLIENT_MESSAGE_ID) VALUES (?, ?, ?, ?, ?)");
                PreparedStatement delivered = connection.prepareStatement(
                        "DELETE FROM CONFAB_PENDING WHERE RECIPIENT = ? AND MESSAGE_ID = ?")) {
            for (MessageJournal.Entry entry : entries) {
                if (entry.isStored()) {
                    StoredMessage m = entry.message();
                    exists.setLong(1, m.id());
                    try (ResultSet count = exists.executeQuery()) {
                        count.next();
                        if (count.getLong(1) > 0) {
                            continue;
                        }
                    }
                    message.setLong(1, m.id());
                    message.setString(2, m.sender());
                    message.setString(3, m.recipient());
                    message.setString(4, m.clientMessageId());
                    message.setString(5, m.text());
                    message.setLong(6, m.sentAt().toEpochMilli());
                    ContentColumns columns = ContentColumns.of(m.content());
                    message.setString(7, columns.kind());
                    message.setString(8, columns.meta());
                    message.setString(9, columns.attachments());
                    message.executeUpdate();
                    pending.setString(1, m.recipient());
                    pending.setLong(2, m.id());
                    pending.setString(3, m.sender());
                    pending.setLong(4, m.sentAt().toEpochMilli());
                    pending.setString(5, m.clientMessageId());
                    pending.executeUpdate();
                    applied++;
                } else {
                    delivered.setString(1, entry.recipient());
                    for (long id : entry.ids()) {
                        delivered.setLong(2, id);
                        applied += delivered.executeUpdate();
                    }
                }
            }
        }
        // the id allocation may have been lost with the messages: never hand out a replayed id again
        try (PreparedStatement sequence = connection.prepareStatement("UPDATE CONFAB_SEQUENCE SET NEXT_VALUE ="
                + " (SELECT MAX(ID) FROM CONFAB_MESSAGE) WHERE NAME = 'MESSAGE'"
                + " AND NEXT_VALUE < (SELECT MAX(ID) FROM CONFAB_MESSAGE)")) {
            sequence.executeUpdate();
        }
        return applied;
    }

    @Override
    public void secure(List<Object> results) {
        if (journal.isEmpty()) {
            return;
        }
        List<MessageJournal.Entry> entries = new ArrayList<>(results.size());
        for (Object result : results) {
            if (result instanceof StoreResult stored) {
                // a resend too: the original's batch may still be on its way to the journal (or have
                // failed to get there), and the resend must not be acknowledged before the message is
                // durable; a replay applies a record it already has as a no-op
                entries.add(MessageJournal.Entry.stored(stored.message()));
            } else if (result instanceof List<?> changed && !changed.isEmpty()
                    && changed.get(0) instanceof StoredMessage first) {
                entries.add(MessageJournal.Entry.delivered(first.recipient(),
                        changed.stream().map(m -> ((StoredMessage) m).id()).toList()));
            }
        }
        try {
            journal.get().append(entries);
        } catch (IOException e) {
            // the journal's disk failed: the database's own store is the only way left to be safe
            LOG.error("cannot append to the message journal, forcing the database to disk instead: {}", e.toString());
            forceToDisk(transactions);
        }
    }

    private void checkpointIfDue() {
        long size = journal.orElseThrow().size();
        if (size == 0 || size < CHECKPOINT_BYTES && System.nanoTime() - lastCheckpoint < checkpointNanos) {
            return;
        }
        try {
            checkpoint();
        } catch (RuntimeException e) {
            // the previous file stays and is replayed after a crash; the next checkpoint tries again
            LOG.error("message journal checkpoint failed: {}", e.toString());
        }
    }

    /**
     * Forces the database to disk and forgets the journal records written so far. Needed after
     * messages were deleted (an account's undelivered ones): a replay of older records would otherwise
     * bring them back.
     */
    synchronized void checkpoint() {
        if (journal.isEmpty()) {
            return;
        }
        try {
            if (journal.get().hasPrevious()) {
                // an earlier checkpoint failed after its rotation: finish it before the file is replaced
                forceToDisk(transactions);
                journal.get().discardPrevious();
            }
            journal.get().rotate();
            forceToDisk(transactions);
            journal.get().discardPrevious();
            lastCheckpoint = System.nanoTime();
        } catch (IOException e) {
            throw new StorageException("message journal checkpoint failed: " + e.getMessage(), e);
        }
    }

    private static void forceToDisk(Transactions transactions) {
        transactions.inTransaction("force the database to disk", em -> {
            try {
                EmbeddedDatabase.forceToDisk(em.unwrap(Connection.class));
                return null;
            } catch (SQLException e) {
                throw new PersistenceException(e.getMessage(), e);
            }
        });
    }

    /** After the committers stopped: the database is forced to disk and the journal emptied. */
    @Override
    public void close() {
        checkpoints.ifPresent(executor -> {
            executor.shutdown();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        journal.ifPresent(j -> {
            try {
                forceToDisk(transactions);
                j.clear();
                j.close();
            } catch (IOException | RuntimeException e) {
                LOG.error("could not close the message journal cleanly (it is replayed at the next start): {}", e.toString());
            }
        });
    }
}
