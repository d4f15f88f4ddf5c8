package org.confab.client.core;

/**
 * Told how far a file transfer of {@link AttachmentClient} has come. Called on the transfer's own thread
 * after each chunk the server acknowledged (upload) or the client wrote (download), so at most a few
 * times per chunk; an implementation that updates a UI hands the numbers over to its display thread and
 * returns at once. While it runs the transfer waits, so one that sleeps limits the transfer's rate. An
 * exception thrown here is ignored by the transfer.
 */
@FunctionalInterface
@org.osgi.annotation.versioning.ConsumerType
public interface TransferProgress {
    /** Reports nothing. */
    TransferProgress NONE = (done, total, resumedFrom) -> {
    };

    /**
     * @param done bytes the server (upload) or the local part file (download) holds so far, counting
     *        those of an earlier, interrupted attempt
     * @param total the file's size
     * @param resumedFrom the offset the transfer last (re)started at: 0 for a fresh transfer, more when it
     *        resumed what an earlier run left, and it changes when the transfer resumes after a lost
     *        connection (speed is {@code done - resumedFrom} over the time since it changed)
     */
    void update(long done, long total, long resumedFrom);
}
