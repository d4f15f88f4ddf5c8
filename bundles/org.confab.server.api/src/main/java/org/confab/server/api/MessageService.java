package org.confab.server.api;

import java.util.concurrent.CompletableFuture;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Sends a message on a user's behalf, for plugins (a file-transfer plugin announcing a finished
 * upload, a bot answering). The message is stored like one sent with {@code chat.send}, under a
 * client message id the server chooses, and then pushed to the recipient's sessions and to the
 * sender's own sessions (the sender did not type it, so their clients learn of it this way). Offline
 * recipients get it at their next login.
 */
@ProviderType
public interface MessageService {

    /**
     * Stores and pushes a message. Completes with the stored message once it is durable; fails with
     * {@link IllegalArgumentException} when a user does not exist or the content breaks the protocol's
     * limits (kind, text length, metadata size, number of attachments), and with
     * {@link StorageException} when it could not be stored.
     */
    CompletableFuture<StoredMessage> post(String sender, String recipient, MessageContent content);
}
