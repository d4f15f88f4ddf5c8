package org.confab.server.spi;

import org.osgi.annotation.versioning.ProviderType;

/** What the persistence layer runs on, for status displays. */
@ProviderType
public interface DatabaseInfo {

    /** Product name and version of the database in use, for example {@code H2 2.3.232 (2024-08-11)}. */
    String product();
}
