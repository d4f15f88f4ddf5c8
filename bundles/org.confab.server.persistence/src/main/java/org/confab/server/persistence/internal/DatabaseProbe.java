package org.confab.server.persistence.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Dictionary;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.jdbc.DataSourceFactory;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Opens one connection with the configuration the persistence unit will get, so a database that
 * cannot be used is reported in one line while the server starts. The driver's own message is kept
 * ("Access denied for user ...", "Unknown database ...", "Connection refused"): it names the problem
 * better than anything we could add.
 */
final class DatabaseProbe {

    /** How long to wait for the JDBC driver's bundle to register its DataSourceFactory. */
    private static final long DRIVER_WAIT_SECONDS = 20;
    /** How long a MySQL server may take to answer the probe's connection attempt. */
    private static final String CONNECT_TIMEOUT_MILLIS = "5000";

    /** The database cannot be used with this configuration; the message says why in one line. */
    static final class Unusable extends Exception {
        private static final long serialVersionUID = 1L;

        Unusable(String message) {
            super(message);
        }
    }

    private final BundleContext context;

    DatabaseProbe(BundleContext context) {
        this.context = context;
    }

    void check(Dictionary<String, Object> unit) throws Unusable {
        String driver = String.valueOf(unit.get("javax.persistence.jdbc.driver"));
        String url = String.valueOf(unit.get("javax.persistence.jdbc.url"));
        DataSourceFactory factory = awaitDriver(driver);
        Properties properties = new Properties();
        if (driver.equals(DatabaseConfigurator.MYSQL_DRIVER) && !url.contains("connectTimeout=")) {
            // Only for the probe: an unreachable host fails in seconds instead of the driver's minutes.
            url = url + (url.contains("?") ? "&" : "?") + "connectTimeout=" + CONNECT_TIMEOUT_MILLIS;
        }
        properties.setProperty(DataSourceFactory.JDBC_URL, url);
        properties.setProperty(DataSourceFactory.JDBC_USER, String.valueOf(unit.get("javax.persistence.jdbc.user")));
        properties.setProperty(DataSourceFactory.JDBC_PASSWORD, String.valueOf(unit.get("javax.persistence.jdbc.password")));
        try {
            DataSource dataSource = factory.createDataSource(properties);
            try (Connection connection = dataSource.getConnection()) {
                if (!connection.isValid(5)) {
                    throw new Unusable("the database did not answer a validity check within 5 s");
                }
            }
        } catch (SQLException e) {
            throw new Unusable(firstLine(e));
        }
    }

    private DataSourceFactory awaitDriver(String driverClass) throws Unusable {
        Filter filter;
        try {
            filter = context.createFilter("(&(objectClass=" + DataSourceFactory.class.getName() + ")("
                    + DataSourceFactory.OSGI_JDBC_DRIVER_CLASS + "=" + driverClass + "))");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        ServiceTracker<DataSourceFactory, DataSourceFactory> tracker = new ServiceTracker<>(context, filter, null);
        tracker.open();
        try {
            DataSourceFactory factory = tracker.waitForService(TimeUnit.SECONDS.toMillis(DRIVER_WAIT_SECONDS));
            if (factory == null) {
                throw new Unusable("no JDBC driver " + driverClass + " is installed (waited " + DRIVER_WAIT_SECONDS + " s)");
            }
            return factory;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unusable("interrupted while waiting for the JDBC driver " + driverClass);
        } finally {
            tracker.close();
        }
    }

    /** The exception's message, or its first cause's that has one, on one line. */
    private static String firstLine(Throwable e) {
        Throwable cause = e;
        String message = e.getMessage();
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
            if (cause.getMessage() != null && message == null) {
                message = cause.getMessage();
            }
        }
        String line = String.valueOf(message).strip().replaceAll("[\\r\\n]+", " ");
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
