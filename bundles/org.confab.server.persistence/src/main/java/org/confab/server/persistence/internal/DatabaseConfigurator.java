package org.confab.server.persistence.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;

import org.confab.server.spi.DataDirectory;
import org.confab.server.spi.StartupFailures;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Translates Confab's database configuration into the configuration Aries JPA reads for the
 * {@code confab} persistence unit (PID {@value #UNIT_PID}). Aries then registers the
 * EntityManagerFactory the stores wait for. Without an explicit URL the embedded H2 database in the
 * data directory is used, so a fresh server needs no setup.
 */
@Designate(ocd = DatabaseConfig.class)
@Component(configurationPid = "org.confab.server.database", configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true)
public class DatabaseConfigurator {

    static final String UNIT_PID = "org.apache.aries.jpa.confab";
    /** The name under which pax-jdbc-mysql registers its DataSourceFactory (not the cj name). */
    static final String MYSQL_DRIVER = "com.mysql.jdbc.Driver";
    static final String H2_DRIVER = "org.h2.Driver";

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseConfigurator.class);

    private final ConfigurationAdmin configurationAdmin;
    private final BundleContext context;

    private final DataDirectory dataDirectory;

    @Activate
    public DatabaseConfigurator(@Reference ConfigurationAdmin configurationAdmin, @Reference DataDirectory dataDirectory,
            BundleContext context, DatabaseConfig config) throws IOException {
        this.configurationAdmin = configurationAdmin;
        this.dataDirectory = dataDirectory;
        this.context = context;
        apply(config);
    }

    @Modified
    void apply(DatabaseConfig config) throws IOException {
        Dictionary<String, Object> unit;
        try {
            unit = unitProperties(config, dataDirectory.path());
            // Tried before Aries JPA gets the configuration: a refused login or a missing database
            // would otherwise surface only as stack traces, and the server would wait for ever for an
            // EntityManagerFactory that never comes.
            new DatabaseProbe(context).check(unit);
        } catch (DatabaseProbe.Unusable | IllegalArgumentException | UncheckedIOException e) {
            String url = String.valueOf(config.url().isBlank() ? "embedded H2" : LoggedUrls.withoutSecrets(config.url()));
            String message = url + ": " + e.getMessage();
            if (reportedFatal(message)) {
                return; // the process is ending; a stack trace from DS would only bury the line that matters
            }
            throw new IllegalStateException("database unusable: " + message);
        }
        Configuration configuration = configurationAdmin.getConfiguration(UNIT_PID, null);
        configuration.update(unit);
        LOG.info("database: {} ({})", LoggedUrls.withoutSecrets(String.valueOf(unit.get("javax.persistence.jdbc.url"))),
                unit.get("javax.persistence.jdbc.driver"));
    }

    /** Reports to the launcher, which ends the process; false when there is none (a test framework). */
    private boolean reportedFatal(String message) {
        ServiceReference<StartupFailures> reference = context.getServiceReference(StartupFailures.class);
        StartupFailures failures = reference == null ? null : context.getService(reference);
        if (failures == null) {
            return false;
        }
        try {
            failures.fatal("database", message);
            return true;
        } finally {
            context.ungetService(reference);
        }
    }

    static Dictionary<String, Object> unitProperties(DatabaseConfig config, Path dataDirectory) {
        Dictionary<String, Object> properties = new Hashtable<>();
        String url = config.url().trim();
        if (url.isEmpty()) {
            // H2's default write delay (pages written in the background every half second) is kept on
            // purpose: acknowledged messages are made durable by the message journal next to the
            // database, other writes are forced to disk after their commit (MessageDurability,
            // Transactions.inDurableTransaction). DB_CLOSE_DELAY=-1: without it H2 closes and reopens
            // the whole database whenever the last connection is returned.
            url = "jdbc:h2:file:" + dataDirectory.resolve("db").resolve("confab") + ";DB_CLOSE_DELAY=-1";
            properties.put("javax.persistence.jdbc.user", config.user().isEmpty() ? "confab" : config.user());
            properties.put("javax.persistence.jdbc.password", "");
            properties.put("javax.persistence.jdbc.driver", H2_DRIVER);
        } else if (url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:")) {
            url = url.replaceFirst("^jdbc:mariadb:", "jdbc:mysql:");
            properties.put("javax.persistence.jdbc.driver", MYSQL_DRIVER);
            properties.put("javax.persistence.jdbc.user", config.user());
            properties.put("javax.persistence.jdbc.password", password(config));
        } else if (url.startsWith("jdbc:h2:")) {
            properties.put("javax.persistence.jdbc.driver", H2_DRIVER);
            properties.put("javax.persistence.jdbc.user", config.user().isEmpty() ? "confab" : config.user());
            properties.put("javax.persistence.jdbc.password", password(config));
        } else {
            throw new IllegalArgumentException("unsupported database URL (use jdbc:mysql: or jdbc:h2:): " + url);
        }
        properties.put("javax.persistence.jdbc.url", url);
        return properties;
    }

    private static String password(DatabaseConfig config) {
        if (!config.passwordFile().isBlank()) {
            try {
                return Files.readAllLines(Path.of(config.passwordFile())).stream().findFirst().orElse("").strip();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the database password file " + config.passwordFile()
                        + " (" + e.getClass().getSimpleName() + ")", e);
            }
        }
        String fromEnvironment = System.getenv(config.passwordEnvironmentVariable());
        return fromEnvironment == null ? "" : fromEnvironment;
    }
}
