package org.confab.server.attachments.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code org.confab.server.attachments}: limits, chunk size and expiry of stored files. */
@ObjectClassDefinition(name = "Confab attachments")
@interface AttachmentsConfig {

    @AttributeDefinition(description = "Largest file a user may upload, in bytes")
    long maxFileBytes() default 4L << 30;

    @AttributeDefinition(description = "Bytes of attachments one user may keep stored (complete or uploading)")
    long quotaBytes() default 10L << 30;

    @AttributeDefinition(description = "Free disk space, in bytes, the server always keeps: uploads that would go below it are refused")
    long diskFloorBytes() default 1L << 30;

    @AttributeDefinition(description = "Largest chunk of an upload or download, in bytes (4 KiB to 960 KiB; must fit a frame)")
    int chunkBytes() default 256 << 10;

    @AttributeDefinition(description = "How long a file is kept once every recipient downloaded or declined it (ISO-8601 duration)")
    String retention() default "P7D";

    @AttributeDefinition(description = "How long a file is kept at most, whatever its recipients did (ISO-8601 duration)")
    String maxAge() default "P30D";

    @AttributeDefinition(description = "How often expired files are looked for, in seconds")
    int expiryCheckSeconds() default 600;

    @AttributeDefinition(description = "Directory of the stored files; empty: DATA/attachments")
    String directory() default "";
}
