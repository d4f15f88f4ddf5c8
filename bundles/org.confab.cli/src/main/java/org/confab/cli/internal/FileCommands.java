package org.confab.cli.internal;

import org.confab.client.core.ConfabException;
import org.confab.protocol.ErrorCode;

/** What the file commands share. */
final class FileCommands {
    private FileCommands() {
    }

    /** Fails clearly when the server cannot store files, instead of with {@code UNKNOWN_TYPE} later. */
    static void requireCapability(CliSession session, String capability) {
        if (!session.client().serverCapabilities().containsKey(capability)) {
            throw new ConfabException(ErrorCode.UNKNOWN_TYPE, "the server does not offer file transfer (no '"
                    + capability + "' capability; is the file-transfer plugin installed?)");
        }
    }

    static String id(String text) {
        if (!text.matches("[A-Za-z0-9_-]{16,64}")) {
            throw new UsageException("'" + text + "' is not a file id (16 to 64 letters, digits, '-' or '_'; see"
                    + " confab cli files)");
        }
        return text;
    }
}
