package org.confab.client.ui.internal.model;

/** Where a message stands, as far as this client knows. */
public enum DeliveryState {
    /** Own message handed to the library, not yet stored by the server (also while offline). */
    SENDING,
    /** Own message stored by the server ({@code chat.send.ok}). */
    STORED,
    /** Own message acknowledged by a session of the recipient ({@code chat.delivered}). */
    DELIVERED,
    /** Own message the recipient has read ({@code chat.read}; only with read receipts on). */
    READ,
    /** Own message the server refused or the session gave up on. */
    FAILED,
    /** A message from the peer. */
    RECEIVED
}
