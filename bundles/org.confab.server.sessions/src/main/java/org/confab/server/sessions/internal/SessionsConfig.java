package org.confab.server.sessions.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code org.confab.server.sessions}. */
@ObjectClassDefinition(name = "Confab sessions")
@interface SessionsConfig {

    @AttributeDefinition(description = "Seconds between client heartbeats (told to clients in the handshake)")
    int heartbeatSeconds() default 30;

    @AttributeDefinition(description = "A connection silent for this many seconds is closed")
    int idleTimeoutSeconds() default 90;

    @AttributeDefinition(description = "A connection that has not logged in after this many seconds is closed")
    int loginTimeoutSeconds() default 30;
}
