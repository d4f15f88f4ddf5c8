package org.confab.server.cluster.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration PID {@code org.confab.server.cluster}, described for the console and admin tools;
 * {@link ClusterSettings} reads and checks it.
 */
@ObjectClassDefinition(name = "Confab cluster node",
        description = "Makes this server a node of a cluster through NATS with JetStream (docs/clustering.md); without a url it stays a single server")
@interface ClusterConfig {

    @AttributeDefinition(description = "The NATS server(s) with JetStream, comma-separated, e.g. nats://10.0.0.5:4222; empty: no cluster (./confab server --cluster URL)")
    String url() default "";

    @AttributeDefinition(description = "This node's name, unique in the cluster: 1 to 64 letters, digits, '-' or '_' (./confab server --node NAME)")
    String node() default "";

    @AttributeDefinition(description = "The cluster's name, prefixing its NATS subjects and buckets so several clusters can share one NATS (./confab server --cluster-name NAME)")
    String name() default "confab";

    @AttributeDefinition(description = "Milliseconds between two heartbeats of this node (at least 100)")
    long heartbeatMillis() default 1000;

    @AttributeDefinition(description = "Milliseconds without a heartbeat after which the others count a node dead, and after which this node isolates when JetStream accepts none of its writes (at least three heartbeats)")
    long deadAfterMillis() default 5000;

    @AttributeDefinition(description = "HOST:PORT clients use for this node, shown by admin.cluster and confab:cluster; empty: the address the server listens on, with the host name when it listens on all interfaces (./confab server --client-address HOST:PORT)")
    String clientAddress() default "";

    @AttributeDefinition(description = "How many NATS servers keep the session directory when a node creates it: 3 on a three-server NATS cluster, so the side of a partition without a quorum cannot change it (1 to 5)")
    int replicas() default 1;
}
