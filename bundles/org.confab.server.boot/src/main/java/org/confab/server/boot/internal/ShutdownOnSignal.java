package org.confab.server.boot.internal;

import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.launch.Framework;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Equinox does not stop itself on SIGTERM or Ctrl-C: without this hook components are never
 * deactivated, sessions are not told, and the exit status is 143. The hook stops the framework and
 * waits for it, then halts with status 0: a requested stop that completed cleanly is a success.
 * The hook is removed when the framework stops for any other reason, so it never masks the exit
 * status of a shutdown it did not perform.
 */
@Component(immediate = true)
public class ShutdownOnSignal {

    private static final Logger LOG = LoggerFactory.getLogger(ShutdownOnSignal.class);
    private static final long STOP_WAIT_MILLIS = 4000;

    private final Thread hook;

    @Activate
    public ShutdownOnSignal(BundleContext context) {
        Framework framework = (Framework) context.getBundle(0);
        this.hook = new Thread(() -> stop(framework), "confab-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Deactivate
    void deactivate() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook is running and is what deactivated us
        }
    }

    private static void stop(Framework framework) {
        LOG.info("stopping Confab server");
        int status = 1;
        try {
            framework.stop();
            boolean stopped = framework.waitForStop(STOP_WAIT_MILLIS).getType() == org.osgi.framework.FrameworkEvent.STOPPED;
            status = stopped ? 0 : 1;
            LOG.info(stopped ? "Confab server stopped" : "Confab server did not stop in time");
        } catch (BundleException e) {
            LOG.error("stopping the framework failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Runtime.getRuntime().halt(status);
    }
}
