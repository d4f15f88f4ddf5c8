package org.confab.server.discovery.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.jmdns.JmDNS;
import javax.jmdns.ServiceInfo;

import org.confab.discovery.DnsSd;
import org.confab.protocol.Protocol;
import org.confab.server.api.ServerEndpoint;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Announces the native Confab endpoint on the LAN as DNS-SD service {@value DnsSd#SERVICE_TYPE}, with its
 * TLS fingerprint, protocol version and name in the TXT record, for as long as the endpoint is up. The
 * announcement is a convenience: if multicast DNS cannot start the server runs on without it. On
 * deactivation (endpoint gone, configuration changed, shutdown) it says goodbye, so browsers drop it.
 */
@Designate(ocd = DiscoveryConfig.class)
@Component(immediate = true, service = {}, configurationPid = "org.confab.server.discovery",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class LanAnnouncer {

    private static final Logger LOG = LoggerFactory.getLogger(LanAnnouncer.class);

    /** Longest a shutdown waits for the goodbye packets. */
    private static final Duration GOODBYE = Duration.ofSeconds(3);

    private final List<JmDNS> responders = new ArrayList<>();

    @Activate
    public LanAnnouncer(@Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE,
            policyOption = ReferencePolicyOption.GREEDY) List<ServerEndpoint> endpoints, DiscoveryConfig config) {
        if (!config.enabled()) {
            LOG.info("LAN announcement is off");
            return;
        }
        // plugins may add endpoints for other protocols; clients that browse for Confab want this one
        endpoints.stream().filter(endpoint -> "confab".equals(endpoint.protocol())).findFirst()
                .ifPresent(endpoint -> announce(endpoint, config));
    }

    private void announce(ServerEndpoint endpoint, DiscoveryConfig config) {
        InetSocketAddress bound = endpoint.address();
        AnnouncementPlan plan;
        try {
            plan = AnnouncementPlan.of(config, bound.getAddress());
        } catch (IOException e) {
            LOG.warn("not announcing on the LAN: {}", e.toString());
            return;
        }
        for (InetAddress address : plan.interfaces()) {
            try {
                JmDNS responder = JmDNS.create(address, "confab-server");
                responders.add(responder);
                responder.registerService(ServiceInfo.create(DnsSd.SERVICE_TYPE, plan.name(), bound.getPort(), 0, 0,
                        DnsSd.txt(plan.name(), endpoint.tlsFingerprint(), Protocol.VERSION)));
                // the tests wait for this line
                LOG.info("announcing {} as '{}' on {} (port {})", DnsSd.SERVICE_TYPE, plan.name(),
                        address.getHostAddress(), bound.getPort());
            } catch (IOException | RuntimeException e) {
                LOG.warn("cannot announce on {}: {}", address.getHostAddress(), e.toString());
            }
        }
    }

    @Deactivate
    void stop() {
        if (responders.isEmpty()) {
            return;
        }
        // the goodbye packets are what make browsers forget the server at once: they are sent (about two
        // seconds, every interface at once) before this returns; closing the sockets after them may take
        // as long again and is left to the daemon threads
        CountDownLatch saidGoodbye = new CountDownLatch(responders.size());
        for (JmDNS responder : responders) {
            Thread.ofPlatform().daemon().name("confab-lan-goodbye").start(() -> {
                try {
                    responder.unregisterAllServices();
                } finally {
                    saidGoodbye.countDown();
                }
                try {
                    responder.close();
                } catch (IOException e) {
                    LOG.debug("closing the multicast DNS responder failed", e);
                }
            });
        }
        try {
            if (!saidGoodbye.await(GOODBYE.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("the LAN goodbye took longer than {} s; stopping anyway", GOODBYE.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("stopped announcing on the LAN");
        responders.clear();
    }
}
