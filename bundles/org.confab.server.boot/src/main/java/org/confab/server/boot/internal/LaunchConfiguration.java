package org.confab.server.boot.internal;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeds Configuration Admin from the launcher's options before the server components start (this
 * bundle starts at a lower start level), so the command line and a configuration file are two
 * front-ends to the same typed configuration.
 */
@Component(immediate = true)
public class LaunchConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(LaunchConfiguration.class);

    @Activate
    public LaunchConfiguration(@Reference ConfigurationAdmin configurationAdmin, BundleContext context)
            throws IOException {
        for (Map.Entry<String, Dictionary<String, Object>> update : LaunchOptions.updates(context::getProperty).entrySet()) {
            Configuration configuration = configurationAdmin.getConfiguration(update.getKey(), null);
            Dictionary<String, Object> merged = configuration.getProperties() == null ? new Hashtable<>()
                    : configuration.getProperties();
            for (Enumeration<String> keys = update.getValue().keys(); keys.hasMoreElements();) {
                String key = keys.nextElement();
                merged.put(key, update.getValue().get(key));
            }
            configuration.update(merged);
            LOG.debug("configured {} from launch options", update.getKey());
        }
    }
}
