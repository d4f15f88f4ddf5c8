package org.confab.client.core;

/**
 * A file the caller offered to someone, as {@code file.sent} reports it.
 *
 * @param id the attachment id
 * @param to the recipient's username
 * @param name the file's name
 * @param size bytes
 * @param state {@code offered}, {@code accepted}, {@code downloaded} or {@code declined}
 */
public record SentFile(String id, String to, String name, long size, String state) {
}
