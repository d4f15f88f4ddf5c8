import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The stand-alone storage experiment behind docs/performance.md (round 3, point 5): how many messages
 * per second H2 stores and acknowledges with a given message-table layout, without the server around
 * it. One thread inserts batches of messages between 100 users (random pairs, 100-byte bodies), acks
 * the previous batch, and commits; a quarter of the run warms up first.
 *
 * <pre>
 * java -cp ~/.m2/repository/com/h2database/h2/2.3.232/h2-2.3.232.jar releng/benchmarks/H2StorageExperiment.java \
 *     LAYOUT BATCH MESSAGES [random|ordered] [nosentat|sentat] [conversation|noconversation] [H2 URL settings]
 * </pre>
 *
 * LAYOUT {@code flag}: delivery state as a column indexed with the recipient (the first layout);
 * {@code pending}: a pending table whose rows an acknowledgement deletes (the current layout). Client
 * ids are random UUIDs or time-ordered. URL settings default to {@code ;WRITE_DELAY=0}; pass
 * {@code ";WRITE_DELAY=500"} for H2's default.
 */
public class H2StorageExperiment {
    public static void main(String[] args) throws Exception {
        boolean pendingTable = args[0].equals("pending");
        int batch = Integer.parseInt(args[1]);
        int total = Integer.parseInt(args[2]);
        boolean orderedIds = args.length > 3 && args[3].equals("ordered");
        boolean sentAtIndex = args.length <= 4 || args[4].equals("sentat");
        boolean conversationIndex = args.length <= 5 || args[5].equals("conversation");
        String settings = args.length > 6 ? args[6] : ";WRITE_DELAY=0";

        Path directory = Files.createTempDirectory("h2-storage-experiment");
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + directory.resolve("db") + settings, "sa", "")) {
            createTables(connection, pendingTable, sentAtIndex, conversationIndex);
            connection.setAutoCommit(false);
            run(connection, pendingTable, batch, total / 4, orderedIds); // warm-up
            long start = System.nanoTime();
            run(connection, pendingTable, batch, total, orderedIds);
            long nanos = System.nanoTime() - start;
            System.out.printf("%s batch=%d ids=%s: %.0f messages/s, %.1f µs per message%n", args[0], batch,
                    orderedIds ? "ordered" : "random", total * 1e9 / nanos, nanos / 1e3 / total);
        }
    }

    private static void createTables(Connection connection, boolean pendingTable, boolean sentAtIndex,
            boolean conversationIndex) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE M (ID BIGINT PRIMARY KEY, SENDER VARCHAR(32) NOT NULL, RECIPIENT VARCHAR(32) NOT NULL,"
                    + " CID VARCHAR(64) NOT NULL, BODY VARCHAR(8000) NOT NULL, SENT_AT BIGINT NOT NULL, DELIVERED BOOLEAN NOT NULL)");
            sql.execute("CREATE UNIQUE INDEX UQ ON M(SENDER, CID)");
            if (conversationIndex) {
                sql.execute("CREATE INDEX CONVERSATION ON M(SENDER, RECIPIENT, ID)");
            }
            if (sentAtIndex) {
                sql.execute("CREATE INDEX SENT ON M(SENT_AT)");
            }
            if (pendingTable) {
                sql.execute("CREATE TABLE P (RECIPIENT VARCHAR(32) NOT NULL, ID BIGINT NOT NULL, PRIMARY KEY (RECIPIENT, ID))");
            } else {
                sql.execute("CREATE INDEX PENDING ON M(RECIPIENT, DELIVERED, ID)");
            }
        }
    }

    private static long nextId;

    private static void run(Connection connection, boolean pendingTable, int batch, int messages, boolean orderedIds)
            throws SQLException {
        Random random = new Random(1);
        String body = "x".repeat(100);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO M VALUES (?, ?, ?, ?, ?, ?, FALSE)");
                PreparedStatement pending = pendingTable ? connection.prepareStatement("INSERT INTO P VALUES (?, ?)") : null;
                PreparedStatement ack = connection.prepareStatement(pendingTable
                        ? "DELETE FROM P WHERE RECIPIENT = ? AND ID = ?"
                        : "UPDATE M SET DELIVERED = TRUE WHERE ID = ? AND DELIVERED = FALSE")) {
            List<long[]> previous = new ArrayList<>();
            for (int done = 0; done < messages; done += batch) {
                List<long[]> current = new ArrayList<>();
                for (int i = 0; i < batch; i++) {
                    int from = random.nextInt(100);
                    int to = random.nextInt(100);
                    long id = ++nextId;
                    long now = System.currentTimeMillis();
                    insert.setLong(1, id);
                    insert.setString(2, "user" + from);
                    insert.setString(3, "user" + to);
                    insert.setString(4, orderedIds ? String.format("%013x-%s", now * 1000 + id % 1000,
                            UUID.randomUUID().toString().substring(0, 8)) : UUID.randomUUID().toString());
                    insert.setString(5, body);
                    insert.setLong(6, now);
                    insert.addBatch();
                    if (pendingTable) {
                        pending.setString(1, "user" + to);
                        pending.setLong(2, id);
                        pending.addBatch();
                    }
                    current.add(new long[] { id, to });
                }
                insert.executeBatch();
                if (pendingTable) {
                    pending.executeBatch();
                }
                for (long[] message : previous) {
                    if (pendingTable) {
                        ack.setString(1, "user" + message[1]);
                        ack.setLong(2, message[0]);
                    } else {
                        ack.setLong(1, message[0]);
                    }
                    ack.addBatch();
                }
                ack.executeBatch();
                connection.commit();
                previous = current;
            }
        }
    }
}
