package org.confab.server.cluster.internal;

/** Where a node stands with the cluster engine. Only {@link #SERVING} lets users log in. */
enum EngineState {
    /** Connecting to NATS, or preparing the buckets and subscriptions after (re)connecting. */
    JOINING,
    /** Connected and ready: logins allowed. */
    SERVING,
    /** The connection to NATS is lost: sessions closed, logins refused until it is back. */
    ISOLATED,
    /** The node is stopping. */
    STOPPED
}
