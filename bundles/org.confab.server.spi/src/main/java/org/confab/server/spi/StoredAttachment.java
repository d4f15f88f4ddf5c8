package org.confab.server.spi;

import java.time.Instant;

/**
 * An attachment's row: who uploaded what, and whether the bytes are all there and checked. The bytes
 * themselves live in files the attachment service names; the store keeps only this.
 *
 * @param sha256 the SHA-256 the uploader declared (checked before {@code complete} is set)
 * @param mediaType empty when none was given
 * @param lastAccess when it was last read (its creation until then)
 */
public record StoredAttachment(String id, String owner, String name, long size, String sha256, String mediaType,
        Instant created, Instant lastAccess, boolean complete) {
}
