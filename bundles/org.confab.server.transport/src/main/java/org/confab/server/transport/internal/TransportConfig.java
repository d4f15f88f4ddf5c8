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

    @AttributeDefinition(description = "Most simultaneous connections from one IP address; more are refused with SERVER_BUSY")
    int maxConnectionsPerAddress() default 256;

    @AttributeDefinition(name = "IPv6 prefix length", description = "Leading bits of an IPv6 address that maxConnectionsPerAddress counts as one address (one host usually holds a whole /64)")
    int ipv6PrefixLength() default 64;

    @AttributeDefinition(description = "Frames queued for a slow reader before its connection is closed")
    int sendQueueFrames() default 4096;

    @AttributeDefinition(name = "Send queue KiB", description = "KiB of frames (file bytes not counted: they have a budget of their own) queued for a slow reader before its connection is closed; never less than two frames of the maximum size")
    int sendQueueKiB() default 4096;

    @AttributeDefinition(name = "Send queue total MiB", description = "MiB queued for slow readers over all connections; above it, a connection with more than 64 KiB queued is closed. 0: a quarter of the maximum heap")
    int sendQueueTotalMiB() default 0;

    @AttributeDefinition(name = "Control frames per second", description = "Frames per second, sustained, that a connection may send which the transport answers itself: ping, frames before hello.ok, malformed frames, refused binary frames. A connection beyond the burst is closed with PROTOCOL_ERROR")
    int controlFramesPerSecond() default 10;

    @AttributeDefinition(name = "Control frame burst", description = "Control frames a connection may send in a burst above the sustained rate")
    int controlFrameBurst() default 100;

    @AttributeDefinition(description = "Encrypt every connection with TLS; false serves plain TCP only (trusted networks, tests)")
    boolean tls() default true;

    @AttributeDefinition(description = "Keystore with the server's key and certificate; empty: the server's own "
            + "self-signed certificate, created in DATA/tls on first start")
    String tlsKeystore() default "";

    @AttributeDefinition(description = "File whose first line is the password of tlsKeystore")
    String tlsKeystorePasswordFile() default "";

    @AttributeDefinition(description = "Type of tlsKeystore: PKCS12 or JKS")
    String tlsKeystoreType() default "PKCS12";

    @AttributeDefinition(description = "TLS protocol versions offered")
    String[] tlsProtocols() default { "TLSv1.3" };

    @AttributeDefinition(description = "Data directory for the generated certificate; empty: the confab.data framework property")
    String dataDirectory() default "";
}
