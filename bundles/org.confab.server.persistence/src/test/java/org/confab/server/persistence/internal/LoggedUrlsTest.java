package org.confab.server.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LoggedUrlsTest {

    @Test
    void passwordsInJdbcUrlsAreMasked() {
        assertEquals("jdbc:mysql://confab:***@db:3306/confab",
                LoggedUrls.withoutSecrets("jdbc:mysql://confab:s3cret@db:3306/confab"));
        assertEquals("jdbc:mysql://db/confab?user=confab&password=***&useSSL=true",
                LoggedUrls.withoutSecrets("jdbc:mysql://db/confab?user=confab&password=s3cret&useSSL=true"));
        assertEquals("jdbc:h2:file:/srv/db;USER=sa;PASSWORD=***",
                LoggedUrls.withoutSecrets("jdbc:h2:file:/srv/db;USER=sa;PASSWORD=s3cret"));
        assertEquals("jdbc:mysql://db:3306/confab?useSSL=false",
                LoggedUrls.withoutSecrets("jdbc:mysql://db:3306/confab?useSSL=false"));
    }
}
