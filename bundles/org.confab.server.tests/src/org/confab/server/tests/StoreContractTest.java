package org.confab.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.confab.server.api.Account;
import org.confab.server.api.StoredMessage;
import org.confab.server.spi.AccountStore;
import org.confab.server.spi.MessageStore;
import org.confab.server.spi.NewAccount;
import org.confab.server.spi.NewMessage;
import org.confab.server.spi.StoreResult;
import org.confab.server.spi.StoredCredentials;
import org.confab.server.spi.UsernameTakenException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The persistence contract, checked directly on the store services. Runs in both surefire
 * executions, so every rule holds on H2 and on MySQL alike.
 */
class StoreContractTest {
    private static AccountStore accounts;
    private static MessageStore messages;

    @BeforeAll
    static void services() throws InterruptedException {
        accounts = Services.await(AccountStore.class, 60_000);
        messages = Services.await(MessageStore.class, 60_000);
    }

    private static NewAccount account(String name) {
        return new NewAccount(name, "Name of " + name, false,
                new StoredCredentials(new byte[16], 4096, new byte[32], new byte[32]));
    }

    private static StoredMessage send(String from, String to, String text) {
        return messages.store(new NewMessage(from, to, ServerTestSupport.clientId(), text)).message();
    }

    @Test
    void accountsAreCreatedOnceAndFoundExactly() throws Exception {
        String name = ServerTestSupport.uniqueName("store");
        Account created = accounts.create(account(name));
        assertEquals(name, created.username());
        assertEquals(Optional.of(created), accounts.find(name));
        assertEquals(4096, accounts.credentials(name).orElseThrow().iterations());
        assertThrows(UsernameTakenException.class, () -> accounts.create(account(name)));
        assertTrue(accounts.find(name + "x").isEmpty());
        assertTrue(accounts.count() >= 1);
    }

    @Test
    void concurrentCreationOfOneNameHasExactlyOneWinner() throws Exception {
        String name = ServerTestSupport.uniqueName("race");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Callable<Boolean> attempt = () -> {
                    try {
                        accounts.create(account(name));
                        return true;
                    } catch (UsernameTakenException e) {
                        return false;
                    }
                };
                attempts.add(pool.submit(attempt));
            }
            int winners = 0;
            for (Future<Boolean> attempt : attempts) {
                winners += attempt.get() ? 1 : 0;
            }
            assertEquals(1, winners);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void storeIsIdempotentPerSenderAndClientId() {
        String from = ServerTestSupport.uniqueName("s");
        String to = ServerTestSupport.uniqueName("r");
        NewMessage message = new NewMessage(from, to, "client-1", "hello");
        StoreResult first = messages.store(message);
        StoreResult again = messages.store(message);
        assertFalse(first.duplicate());
        assertTrue(again.duplicate());
        assertEquals(first.message().id(), again.message().id());
        StoreResult otherSender = messages.store(new NewMessage(to, from, "client-1", "same client id, other sender"));
        assertFalse(otherSender.duplicate(), "client ids are unique per sender only");
    }

    @Test
    void undeliveredComeOldestFirstAndOnlyTheRecipientCanMarkThem() {
        String from = ServerTestSupport.uniqueName("s");
        String to = ServerTestSupport.uniqueName("r");
        StoredMessage one = send(from, to, "one");
        StoredMessage two = send(from, to, "two");
        StoredMessage three = send(from, to, "three");
        assertEquals(List.of(one.id(), two.id(), three.id()), messages.undelivered(to, 0, 10).stream().map(StoredMessage::id).toList());
        assertEquals(List.of(two.id(), three.id()), messages.undelivered(to, one.id(), 10).stream().map(StoredMessage::id).toList());

        assertTrue(messages.markDelivered(from, List.of(one.id())).isEmpty(), "the sender cannot mark its own message delivered");
        List<StoredMessage> marked = messages.markDelivered(to, List.of(one.id(), two.id(), 999_999_999L));
        assertEquals(List.of(one.id(), two.id()), marked.stream().map(StoredMessage::id).toList());
        assertTrue(messages.markDelivered(to, List.of(one.id())).isEmpty(), "already delivered: no change");
        assertEquals(List.of(three.id()), messages.undelivered(to, 0, 10).stream().map(StoredMessage::id).toList());
    }

    @Test
    void conversationPagesNewestFirstAndSearchTreatsWildcardsLiterally() {
        String a = ServerTestSupport.uniqueName("a");
        String b = ServerTestSupport.uniqueName("b");
        String c = ServerTestSupport.uniqueName("c");
        for (int i = 0; i < 5; i++) {
            send(i % 2 == 0 ? a : b, i % 2 == 0 ? b : a, "line " + i);
        }
        send(a, c, "line to someone else");
        List<StoredMessage> page = messages.conversation(a, b, Optional.empty(), 3);
        assertEquals(List.of("line 4", "line 3", "line 2"), page.stream().map(StoredMessage::text).toList());
        List<StoredMessage> older = messages.conversation(b, a, Optional.of(page.get(2).id()), 3);
        assertEquals(List.of("line 1", "line 0"), older.stream().map(StoredMessage::text).toList());

        send(a, b, "50% off_sale");
        send(a, b, "500 offsale");
        assertEquals(1, messages.search(a, Optional.of(b), "0% OFF_", Optional.empty(), 10).size());
        assertEquals(7, messages.search(a, Optional.of(b), "", Optional.empty(), 10).size(),
                "an empty query matches the whole conversation");
        assertEquals(1, messages.search(a, Optional.empty(), "someone else", Optional.empty(), 10).size());
        assertTrue(messages.search(b, Optional.empty(), "someone else", Optional.empty(), 10).isEmpty(),
                "nobody finds messages of conversations they are not part of");
    }
}
