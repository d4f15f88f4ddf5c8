package org.confab.server.accounts.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code org.confab.server.accounts}. */
@ObjectClassDefinition(name = "Confab accounts")
@interface AccountsConfig {

    @AttributeDefinition(description = "Whether anyone may register (OPEN) or only administrators create accounts (ADMIN_ONLY)")
    RegistrationPolicy registrationPolicy() default RegistrationPolicy.OPEN;

    @AttributeDefinition(description = "PBKDF2 iterations for new SCRAM-SHA-256 credentials (at least 4096)")
    int scramIterations() default 100_000;
}
