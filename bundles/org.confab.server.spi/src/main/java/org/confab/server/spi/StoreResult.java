package org.confab.server.spi;

import org.confab.server.api.StoredMessage;

/**
 * The outcome of {@link MessageStore#store}: the stored message and whether it had been stored
 * before under the same sender and client message id (a resend), in which case nothing new was written.
 */
public record StoreResult(StoredMessage message, boolean duplicate) {
}
