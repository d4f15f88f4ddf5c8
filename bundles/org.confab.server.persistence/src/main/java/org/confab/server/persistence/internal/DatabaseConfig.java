package org.confab.server.persistence.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code org.confab.server.database}: which database holds Confab's data. */
@ObjectClassDefinition(name = "Confab database", description = "Embedded H2 by default; MySQL by JDBC URL")
@interface DatabaseConfig {

    @AttributeDefinition(description = "JDBC URL; empty for the embedded H2 database in the data directory. "
            + "MySQL: jdbc:mysql://HOST:3306/DATABASE")
    String url() default "";

    @AttributeDefinition(description = "Database user")
    String user() default "";

    @AttributeDefinition(description = "File whose first line is the database password (preferred over the environment)")
    String passwordFile() default "";

    @AttributeDefinition(description = "Environment variable holding the database password")
    String passwordEnvironmentVariable() default "CONFAB_DB_PASSWORD";
}
