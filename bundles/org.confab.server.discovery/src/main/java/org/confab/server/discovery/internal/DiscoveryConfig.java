package org.confab.server.discovery.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code org.confab.server.discovery}: announcing the server on the LAN. */
@ObjectClassDefinition(name = "Confab LAN announcement",
        description = "Announces the server as DNS-SD service _confab._tcp over multicast DNS (UDP port 5353, group 224.0.0.251) so clients on the LAN list it")
@interface DiscoveryConfig {

    @AttributeDefinition(description = "Announce the server on the LAN; false keeps it silent (./confab server --no-announce)")
    boolean enabled() default true;

    @AttributeDefinition(description = "Name clients show; empty for 'Confab on HOSTNAME' (./confab server --announce-name NAME)")
    String name() default "";

    @AttributeDefinition(description = "Addresses of the interfaces to announce on; empty for the listening address, or every multicast-capable interface when listening on all")
    String[] interfaces() default {};
}
