package org.confab.server.persistence.internal;

import java.util.regex.Pattern;

/**
 * JDBC URLs may carry credentials ({@code jdbc:mysql://user:secret@host/db},
 * {@code ...?password=secret}, H2's {@code ;PASSWORD=secret}); logs are read by more people than the
 * database password file, so a URL is logged only with those parts masked.
 */
final class LoggedUrls {

    private static final Pattern USER_INFO = Pattern.compile("(//[^/@?;]*?:)[^/@?;]*@");
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)([?&;](?:password|pwd|passwd)=)[^&;]*");

    private LoggedUrls() {
    }

    static String withoutSecrets(String url) {
        String masked = USER_INFO.matcher(url).replaceAll("$1***@");
        return PASSWORD_PARAMETER.matcher(masked).replaceAll("$1***");
    }
}
