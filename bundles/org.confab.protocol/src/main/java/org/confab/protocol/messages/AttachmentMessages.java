package org.confab.protocol.messages;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The bodies of the attachment requests ({@code attach.*}, protocol version 2) and of the file listing
 * of administrators ({@code admin.files}, {@code admin.file.delete}). Chunk and read bytes travel as
 * the data of binary frames (docs/protocol.md section 2.1), never inside these records. Attachment ids
 * are chosen by the server; times are ISO-8601 strings (UTC). Section 18 of docs/protocol.md
 * describes them.
 */
public final class AttachmentMessages {
    public static final String BEGIN = "attach.begin";
    public static final String CHUNK = "attach.chunk";
    public static final String INFO = "attach.info";
    public static final String READ = "attach.read";
    public static final String DELETE = "attach.delete";
    public static final String ADMIN_FILES = "admin.files";
    public static final String ADMIN_FILE_DELETE = "admin.file.delete";
    /** The capability a server with attachments announces in {@code hello.ok}. */
    public static final String CAPABILITY = "attach";

    /** Longest file name, after trimming; it is only ever shown, never used as a path by the server. */
    public static final int MAX_NAME = 255;
    public static final int MAX_MEDIA_TYPE = 127;
    /** Shortest and longest attachment id. */
    public static final int MIN_ID = 16;
    public static final int MAX_ID = 64;
    /** How many chunks or reads a client may have outstanding before it waits for an answer. */
    public static final int MAX_PIPELINE = 8;
    /** Largest page of {@code admin.files}. */
    public static final int MAX_FILE_PAGE = 200;

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{" + MIN_ID + "," + MAX_ID + "}");

    private AttachmentMessages() {
    }

    /** Whether {@code id} has the form of an attachment id. */
    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    static String checkId(String value) {
        Check.text("id", value, MAX_ID);
        if (!isValidId(value)) {
            throw new IllegalArgumentException("field 'id' must be " + MIN_ID + " to " + MAX_ID
                    + " letters, digits, '_' or '-'");
        }
        return value;
    }

    static long checkOffset(String field, long value) {
        if (value < 0) {
            throw new IllegalArgumentException("field '" + field + "' must not be negative");
        }
        return value;
    }

    /**
     * {@code attach.begin}: starts (or resumes, or completes at once by content) the upload of
     * {@code size} bytes whose SHA-256 is {@code sha256} (64 lowercase hex digits).
     */
    public record Begin(String name, long size, String sha256, String mediaType) {
        public Begin {
            name = Check.printable("name", name == null ? null : name.strip(), MAX_NAME);
            checkOffset("size", size);
            Check.text("sha256", sha256, 64);
            if (!SHA256.matcher(sha256).matches()) {
                throw new IllegalArgumentException("field 'sha256' must be 64 lowercase hexadecimal digits");
            }
            mediaType = mediaType == null || mediaType.isBlank() ? null : Check.printable("mediaType", mediaType, MAX_MEDIA_TYPE);
        }
    }

    /** {@code attach.begin.ok}: the attachment's id, where to continue, whether nothing is left to send. */
    public record BeginOk(String id, long offset, boolean complete, int chunkBytes) {
    }

    /** {@code attach.chunk} (a binary frame): the data are the bytes at {@code offset}. */
    public record Chunk(String id, long offset) {
        public Chunk {
            checkId(id);
            checkOffset("offset", offset);
        }
    }

    /** {@code attach.chunk.ok}: the stored length after the chunk, and whether the upload is complete. */
    public record ChunkOk(String id, long offset, boolean complete) {
    }

    /** A request that names one attachment: {@code attach.info}, {@code attach.delete}, {@code admin.file.delete}. */
    public record Ref(String id) {
        public Ref {
            checkId(id);
        }
    }

    /** {@code attach.info.ok}. {@code offset} is the stored length (equal to {@code size} once complete). */
    public record Info(String id, String name, long size, String sha256, String mediaType, String owner, long offset,
            boolean complete, String created) {
    }

    /** {@code attach.read}: up to {@code length} bytes (at most the chunk size) from {@code offset}. */
    public record Read(String id, long offset, Long length) {
        public Read {
            checkId(id);
            checkOffset("offset", offset);
            if (length != null && length < 1) {
                throw new IllegalArgumentException("field 'length' must be at least 1");
            }
        }
    }

    /** {@code attach.read.ok} (a binary frame): the data are the bytes at {@code offset}. */
    public record ReadOk(String id, long offset) {
    }

    /** {@code admin.files}: stored files, of one owner when given, newest first. */
    public record FileQuery(String owner, Integer offset, Integer limit) {
        public FileQuery {
            owner = owner == null || owner.isBlank() ? null : Check.text("owner", owner, 64);
            offset = Check.optionalRange("offset", offset, 0, Integer.MAX_VALUE);
            limit = Check.optionalRange("limit", limit, 1, MAX_FILE_PAGE);
        }
    }

    /**
     * One stored file as administrators see it. {@code state}: {@code partial} (upload unfinished),
     * {@code stored} (offered to nobody), {@code offered} (a recipient has not downloaded or declined
     * it yet) or {@code settled} (every recipient has).
     */
    public record FileEntry(String id, String owner, String name, long size, String state, String created,
            String lastAccess) {
    }

    /** {@code admin.files.ok}: one page and the number of all matching files. */
    public record FilePage(List<FileEntry> files, long total) {
    }
}
