package org.confab.client.core;

/**
 * A file someone offered to the caller ({@code file.offers}), not yet downloaded or declined.
 *
 * @param id the attachment id, for {@link AttachmentClient#download} and the {@link FileTransfers} calls
 * @param messageId the chat message that carried the offer
 * @param from the sender's username
 * @param name the sender's name for the file: untrusted, see {@link SafeFileNames}
 * @param size bytes
 * @param sha256 lowercase hex SHA-256
 * @param mediaType declared media type, or null
 * @param state {@code offered} or {@code accepted}
 * @param offered when it was offered (ISO-8601), or null
 */
public record FileOffer(String id, long messageId, String from, String name, long size, String sha256,
        String mediaType, String state, String offered) {
}
