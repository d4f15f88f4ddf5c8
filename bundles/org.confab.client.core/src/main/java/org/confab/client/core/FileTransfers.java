package org.confab.client.core;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.confab.protocol.messages.FileTransferMessages;
import org.confab.protocol.messages.MessageKinds;
import org.confab.protocol.messages.Messages.ChatSent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The file-transfer plugin's requests ({@code file.*}, capability {@code file}), obtained with
 * {@link ConfabClient#files()}: offering an uploaded file to a peer, the offers waiting for the caller,
 * and accepting, declining or confirming one. The bytes themselves go through
 * {@link ConfabClient#attachments()}. A server without the plugin answers the {@code file.*} requests
 * with {@code UNKNOWN_TYPE}. Thread-safe.
 */
public final class FileTransfers {
    /** The push a sender's sessions get when a recipient accepts, declines or downloads. */
    public static final String STATE_PUSH = FileTransferMessages.STATE;

    private final ConfabClient client;

    FileTransfers(ConfabClient client) {
        this.client = client;
    }

    /**
     * Offers an uploaded file to a peer, online or not: a chat message of kind {@code file} whose text is
     * the file name, whose only attachment is the file and whose metadata holds its SHA-256. Kept and
     * resent like any message until the server stored it.
     */
    public CompletableFuture<ChatSent> offer(String peer, UploadedAttachment file) {
        ObjectNode meta = JsonNodeFactory.instance.objectNode().put("sha256", file.sha256());
        return client.send(peer, OutgoingMessage.of(MessageKinds.FILE, file.name(), meta, List.of(file.reference())));
    }

    /** The files offered to the caller that are not downloaded or declined yet, oldest first. */
    public CompletableFuture<List<FileOffer>> offers() {
        return client.request(FileTransferMessages.OFFERS, null).thenApply(FileTransfers::offers);
    }

    /** Tells the sender the caller is fetching the file. */
    public CompletableFuture<Void> accept(String id) {
        return simple(FileTransferMessages.ACCEPT, id);
    }

    /** Refuses the file; the sender is told, and the server may drop it sooner. */
    public CompletableFuture<Void> decline(String id) {
        return simple(FileTransferMessages.DECLINE, id);
    }

    /** Tells the sender the file arrived and was verified. */
    public CompletableFuture<Void> downloaded(String id) {
        return simple(FileTransferMessages.DOWNLOADED, id);
    }

    /** The files the caller offered and what became of each. */
    public CompletableFuture<List<SentFile>> sent() {
        return client.request(FileTransferMessages.SENT, null).thenApply(answer -> {
            List<SentFile> sent = new ArrayList<>();
            for (JsonNode row : answer.path("transfers")) {
                sent.add(new SentFile(row.path("id").asText(), row.path("to").asText(), row.path("name").asText(),
                        row.path("size").asLong(), row.path("state").asText()));
            }
            return sent;
        });
    }

    /**
     * Receives {@code file.state} pushes ({@code {id, peer, state}}) for the caller's offers and for its
     * own other sessions' decisions, until the subscription is closed.
     */
    public PushSubscription onStateChange(PushListener listener) {
        return client.subscribe(STATE_PUSH, listener);
    }

    private CompletableFuture<Void> simple(String type, String id) {
        return client.request(type, JsonNodeFactory.instance.objectNode().put("id", id)).thenApply(answer -> null);
    }

    private static List<FileOffer> offers(ObjectNode answer) {
        List<FileOffer> offers = new ArrayList<>();
        for (JsonNode row : answer.path("offers")) {
            offers.add(new FileOffer(row.path("id").asText(), row.path("messageId").asLong(), row.path("from").asText(),
                    row.path("name").asText(), row.path("size").asLong(), row.path("sha256").asText(),
                    row.path("mediaType").textValue(), row.path("state").asText(), row.path("offered").textValue()));
        }
        return offers;
    }
}
