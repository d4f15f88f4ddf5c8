package org.confab.client.core;

/**
 * What the server says about one attachment ({@code attach.info}).
 *
 * @param id the server's id
 * @param name the name the uploader gave: untrusted, see {@link SafeFileNames}
 * @param size bytes when complete
 * @param sha256 lowercase hex SHA-256 the uploader declared and the server checked on completion
 * @param mediaType the declared media type, or null
 * @param owner the uploader's username
 * @param offset bytes stored so far
 * @param complete whether every byte is stored and checked, so it can be downloaded
 * @param created when the upload began (ISO-8601), or null if the server did not say
 */
public record AttachmentInfo(String id, String name, long size, String sha256, String mediaType, String owner,
        long offset, boolean complete, String created) {
}
