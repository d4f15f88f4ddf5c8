package org.confab.server.plugins.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code org.confab.server.plugins.repository} ({@code ./confab server --plugin-repository URL}). */
@ObjectClassDefinition(name = "Confab plugin repository")
@interface PluginRepositoryConfig {

    @AttributeDefinition(description = "The p2 repository this server offers its users for client plugins (plugin.repository):"
            + " an http(s) URL without user name or password, or a file: URL on a shared disk; empty: none."
            + " Clients show it as offered by this server and ask before using it")
    String repository() default "";
}
