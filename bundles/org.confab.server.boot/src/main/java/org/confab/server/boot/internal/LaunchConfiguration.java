package org.confab.server.boot.internal;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Collections;
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
 * front-ends to the same typed configuration. What a launch sets lasts for that launch only
 * ({@link LaunchOptions#merge}).
 */
@Component(immediate = true)
public class LaunchConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(LaunchConfiguration.class);

    @Activate
    public LaunchConfiguration(@Reference ConfigurationAdmin configurationAdmin, BundleContext context)
            throws IOException {
        Map<String, Dictionary<String, Object>> updates = LaunchOptions.updates(context::getProperty);
        for (String pid : LaunchOptions.pids()) {
            Dictionary<String, Object> launch = updates.getOrDefault(pid, new Hashtable<>());
            Configuration configuration = configurationAdmin.getConfiguration(pid, null);
            Dictionary<String, Object> existing = configuration.getProperties();
            if (existing == null && launch.isEmpty()) {
                continue; // never configured, nothing to set: leave it absent
            }
            Dictionary<String, Object> merged = LaunchOptions.merge(existing, launch);
            if (merged != null) {
                configuration.update(merged);
                // options apply to this launch only; keys an earlier launch set and this one does not are gone
                LOG.info("configured {} for this launch: {}", pid, Collections.list(launch.keys()));
            }
        }
    }
}
