package org.confab.server.router.internal;

import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.confab.server.api.MessageContent;
import org.confab.server.api.MessageService;
import org.confab.server.api.StorageException;
import org.confab.server.api.StoredMessage;
import org.confab.server.spi.AccountService;
import org.confab.server.spi.MessageStore;
import org.confab.server.spi.NewMessage;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@link MessageService} for plugins: the same store and the same pushes as {@code chat.send}, with a
 * client message id chosen here (a plugin does not resend, so it needs none of its own).
 */
@Component(service = MessageService.class)
public class RouterMessageService implements MessageService {
    /** Marks ids the server chose; a client's ids are UUIDs or similar and never start with it. */
    static final String CLIENT_ID_PREFIX = "server-";

    private final AccountService accounts;
    private final MessageStore store;
    private final Deliveries deliveries;
    private final MessageEvents events;
    private final AttachmentShares shares;

    @Activate
    public RouterMessageService(@Reference AccountService accounts, @Reference MessageStore store,
            @Reference Deliveries deliveries, @Reference MessageEvents events, @Reference AttachmentShares shares) {
        this.shares = shares;
        this.accounts = accounts;
        this.store = store;
        this.deliveries = deliveries;
        this.events = events;
    }

    @Override
    public CompletableFuture<StoredMessage> post(String sender, String recipient, MessageContent content) {
        Objects.requireNonNull(content, "content");
        String from = accounts.canonical(Objects.requireNonNull(sender, "sender"));
        String to = accounts.canonical(Objects.requireNonNull(recipient, "recipient"));
        String clientMessageId = CLIENT_ID_PREFIX + UUID.randomUUID();
        try {
            for (String user : new String[] { from, to }) {
                if (accounts.find(user).isEmpty()) {
                    throw new IllegalArgumentException("there is no user '" + user + "'");
                }
            }
            WireMessages.validate(to, clientMessageId, content);
            shares.beforeStore(from, to, content);
        } catch (IllegalArgumentException | StorageException e) {
            return CompletableFuture.failedFuture(e);
        }
        return store.storeAsync(new NewMessage(from, to, clientMessageId, content)).thenApply(result -> {
            StoredMessage stored = result.message();
            deliveries.pushLive(stored);
            if (!from.equals(to)) {
                deliveries.pushTo(from, stored); // the sender's clients did not send it themselves
            }
            events.stored(stored);
            return stored;
        });
    }
}
