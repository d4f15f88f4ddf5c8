package org.confab.server.boot.internal;

import java.util.concurrent.atomic.AtomicBoolean;

import org.confab.server.spi.StartupFailures;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.launch.Framework;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends the server process when a core component cannot start for a reason no waiting will fix (a
 * wrong database password, a database that does not exist). Before this, such a server logged stack
 * traces and waited for ever without listening, until whoever started it gave up. The exit status is
 * {@value #EXIT_STATUS}, so service managers and scripts can tell it from a clean stop (0).
 */
@Component(immediate = true)
public class ExitOnFatalStartup implements StartupFailures {

    static final int EXIT_STATUS = 3;
    private static final Logger LOG = LoggerFactory.getLogger(ExitOnFatalStartup.class);
    private static final long STOP_WAIT_MILLIS = 4000;

    private final Framework framework;
    private final AtomicBoolean exiting = new AtomicBoolean();

    @Activate
    public ExitOnFatalStartup(BundleContext context) {
        this.framework = (Framework) context.getBundle(0);
    }

    @Override
    public void fatal(String what, String plainMessage) {
        String line = "confab: cannot start: " + what + ": " + plainMessage.replaceAll("[\\r\\n]+", " ");
        LOG.error(line);
        if (!exiting.compareAndSet(false, true)) {
            return;
        }
        // Stopping the framework from the reporting component's own activation would deadlock on its
        // lock, so a separate thread stops it and then halts (not exit: the signal hook would turn the
        // status into 0, because to it any stop it performs is a requested one).
        Thread exit = new Thread(() -> {
            try {
                framework.stop();
                framework.waitForStop(STOP_WAIT_MILLIS);
            } catch (BundleException e) {
                LOG.warn("stopping the framework after a fatal start-up problem failed: {}", e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(EXIT_STATUS);
        }, "confab-fatal-startup");
        exit.setDaemon(false);
        exit.start();
    }
}
