package org.confab.server.transport.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code org.confab.server.transport}. */
@ObjectClassDefinition(name = "Confab socket transport")
@interface TransportConfig {

    @AttributeDefinition(description = "TCP port; 0 picks a free one")
    int port() default 7777;

    @AttributeDefinition(description = "Address to listen on; 0.0.0.0 for every interface")
    String bindAddress() default "0.0.0.0";

    @AttributeDefinition(description = "Largest frame payload in bytes (16 KiB to 16 MiB)")
    int maxFrameBytes() default 1 << 20;

    @AttributeDefinition(description = "Most simultaneous connections; more are refused with SERVER_BUSY")
    int maxConnections() default 200_000;

    @AttributeDefinition(description = "Frames queued for a slow reader before its connection is closed")
    int sendQueueFrames() default 4096;
}
